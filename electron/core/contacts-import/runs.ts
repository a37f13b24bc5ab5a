import type { FileReadOptions } from '../bulk-wizard/runs';
import type { ImportPlan } from './plan';

/** A checked file waiting for Import (and, after it, for the skipped-rows download). */
export interface CheckedImport {
  runId: string;
  file: string;
  fileOptions: FileReadOptions;
  fileName: string;
  plan: ImportPlan;
  /** Set once written, so a second Import of the same check adds nothing twice. */
  imported: boolean;
}

/** A person compares at most a couple of checks; older ones are dropped. */
const KEEP_CHECKED = 2;

/**
 * The contacts imports in main: one AbortController per check or write in
 * flight (removed when it ends) and the last few checked plans. Both maps are
 * bounded, so nothing grows with use.
 */
export class ImportRuns {
  private readonly running = new Map<string, AbortController>();
  private readonly checked = new Map<string, CheckedImport>();

  begin(runId: string): AbortSignal {
    if (this.running.has(runId)) throw new Error('This import is already running.');
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

  keep(checked: CheckedImport): void {
    this.checked.delete(checked.runId);
    this.checked.set(checked.runId, checked);
    for (const id of this.checked.keys()) {
      if (this.checked.size <= KEEP_CHECKED) break;
      this.checked.delete(id);
    }
  }

  get(runId: string): CheckedImport | undefined {
    return this.checked.get(runId);
  }

  get size(): { running: number; checked: number } {
    return { running: this.running.size, checked: this.checked.size };
  }
}
