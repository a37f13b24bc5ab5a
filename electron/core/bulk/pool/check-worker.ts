/**
 * The worker thread of the CSV check pool (tinypool loads this file, or its
 * built copy, and calls `inspectRows` once per chunk). Everything that is the
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

if (parentPort && isScanWorkerData(workerData)) void runScan(parentPort, workerData);

let cached: { key: string; checker: RowChecker } | undefined;

export function inspectRows(task: { setup: CheckSetup; rows: RowToCheck[] }): RowInspection[] {
  if (cached?.key !== task.setup.key)
    cached = { key: task.setup.key, checker: checkerFor(task.setup) };
  const { checker } = cached;
  return task.rows.map((r) => checker.inspect(r.row, r.cells, r.quoteProblem));
}
