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

/**
 * Long work in main that the renderer can cancel by id: one AbortController
 * per run in flight (removed when it ends, so the map never outgrows what is
 * running) and the last few finished results, for the downloads that read
 * them again. Both maps are bounded, so nothing grows with use.
 */
export class CancellableRuns<Finished extends { runId: string }> {
  private readonly running = new Map<string, AbortController>();
  protected readonly finished = new Map<string, Finished>();

  constructor(
    /** A person rarely compares more than a couple of results; older ones are dropped. */
    private readonly keepFinished: number,
    private readonly alreadyRunning: string,
  ) {}

  /** Starts a run; refuses an id that is already running (a double click). */
  begin(runId: string): AbortSignal {
    if (this.running.has(runId)) throw new Error(this.alreadyRunning);
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

  keep(result: Finished): void {
    this.finished.delete(result.runId);
    this.finished.set(result.runId, result);
    for (const id of this.finished.keys()) {
      if (this.finished.size <= this.keepFinished) break;
      this.finished.delete(id);
    }
  }

  get(runId: string): Finished | undefined {
    return this.finished.get(runId);
  }

  get size(): { running: number; finished: number } {
    return { running: this.running.size, finished: this.finished.size };
  }
}

/** The wizard's analyses and imports, and the last analyses for the rejected-rows download. */
export class BulkRuns extends CancellableRuns<FinishedAnalysis> {
  constructor() {
    super(2, 'This analysis is already running.');
  }

  /** The staged file is gone (discarded, queued): its analyses go too. */
  forgetFile(file: string): void {
    for (const [id, a] of this.finished) if (a.file === file) this.finished.delete(id);
  }
}
