import type { BulkReport } from '../bulk';

/** What a finished analysis leaves for the rejected-rows download. */
export interface FinishedAnalysis {
  runId: string;
  /** The staged file it read, and how (so the download reads it the same way). */
  file: string;
  fileOptions: FileReadOptions;
  fileName: string;
  report: BulkReport;
}

export interface FileReadOptions {
  encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-1';
  delimiter?: ',' | ';' | '\t' | '|';
  header?: boolean;
  phoneColumn?: string;
  defaultCountry?: string;
}

/** A person rarely compares more than a couple of analyses; older ones are dropped. */
const KEEP_FINISHED = 2;

/**
 * The wizard's runs in main: one AbortController per analysis or import in
 * flight (removed when it ends, so the map never outgrows what is running),
 * and the last few finished analyses, for the rejected-rows download.
 */
export class BulkRuns {
  private readonly running = new Map<string, AbortController>();
  private readonly finished = new Map<string, FinishedAnalysis>();

  /** Starts a run; refuses an id that is already running (a double click on Confirm). */
  begin(runId: string): AbortSignal {
    if (this.running.has(runId)) throw new Error('This analysis is already running.');
    const controller = new AbortController();
    this.running.set(runId, controller);
    return controller.signal;
  }

  end(runId: string): void {
    this.running.delete(runId);
  }

  cancel(runId: string): boolean {
    const controller = this.running.get(runId);
    if (!controller) return false;
    controller.abort(new Error('Cancelled.'));
    return true;
  }

  keep(analysis: FinishedAnalysis): void {
    this.finished.delete(analysis.runId);
    this.finished.set(analysis.runId, analysis);
    for (const id of this.finished.keys()) {
      if (this.finished.size <= KEEP_FINISHED) break;
      this.finished.delete(id);
    }
  }

  analysis(runId: string): FinishedAnalysis | undefined {
    return this.finished.get(runId);
  }

  /** The staged file is gone (discarded, queued): its analyses go too. */
  forgetFile(file: string): void {
    for (const [id, a] of this.finished) if (a.file === file) this.finished.delete(id);
  }

  get size(): { running: number; finished: number } {
    return { running: this.running.size, finished: this.finished.size };
  }
}
