import { CancellableRuns, type FileReadOptions } from '../bulk-wizard/runs';
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

/**
 * The contacts imports in main: checks and writes in flight, and the last
 * couple of checked plans (for Import and the skipped-rows download).
 */
export class ImportRuns extends CancellableRuns<CheckedImport> {
  constructor() {
    super(2, 'This import is already running.');
  }
}
