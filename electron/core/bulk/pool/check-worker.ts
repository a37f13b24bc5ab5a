/**
 * The worker thread of the CSV check pool (tinypool loads this file, or its
 * built copy, and calls `checkSlice` once per slice of the file, or
 * `inspectRows` once per chunk of parsed rows for a file that cannot be cut). Everything that is the
 * same for every row (the template's parse, the rules' caches) is made once
 * per job and kept for the job's next chunks: one checker, replaced when a
 * chunk of another job arrives, so nothing accumulates across jobs.
 *
 * Started directly as a worker with `ScanWorkerData` (`off-thread-scan.ts`),
 * the same file reads and checks a whole file instead: one script, so every
 * build that can start the pool can also take the check off its main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RowChecker, RowInspection } from '../row-check';
import { type CheckSetup, checkerFor, type RowToCheck } from './check-setup';
import { isScanWorkerData } from './scan-messages';
import { runScan } from './scan-worker';
import { checkSliceWith, type SliceResult, type SliceTask } from './slice-check';

if (parentPort && isScanWorkerData(workerData)) void runScan(parentPort, workerData);

let cached: { key: string; checker: RowChecker } | undefined;

/** The job's checker, kept from one task of the job to the next. */
function checkerOf(setup: CheckSetup): RowChecker {
  if (cached?.key !== setup.key) cached = { key: setup.key, checker: checkerFor(setup) };
  return cached.checker;
}

export function inspectRows(task: { setup: CheckSetup; rows: RowToCheck[] }): RowInspection[] {
  const checker = checkerOf(task.setup);
  return task.rows.map((r) => checker.inspect(r.row, r.cells, r.quoteProblem));
}

/** Reads, parses and inspects one slice of the file (`sliced-scan.ts`). */
export function checkSlice(task: SliceTask): Promise<SliceResult> {
  return checkSliceWith(checkerOf(task.setup), task);
}
