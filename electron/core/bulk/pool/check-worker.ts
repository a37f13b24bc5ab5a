/**
 * The worker thread of the CSV check pool (tinypool loads this file, or its
 * built copy, and calls `inspectRows` once per chunk). Everything that is the
 * same for every row (the template's parse, the rules' caches) is made once
 * per job and kept for the job's next chunks: one checker, replaced when a
 * chunk of another job arrives, so nothing accumulates across jobs.
 */
import type { RowChecker, RowInspection } from '../row-check';
import { type CheckSetup, checkerFor, type RowToCheck } from './check-setup';

let cached: { key: string; checker: RowChecker } | undefined;

export function inspectRows(task: { setup: CheckSetup; rows: RowToCheck[] }): RowInspection[] {
  if (cached?.key !== task.setup.key)
    cached = { key: task.setup.key, checker: checkerFor(task.setup) };
  const { checker } = cached;
  return task.rows.map((r) => checker.inspect(r.row, r.cells, r.quoteProblem));
}
