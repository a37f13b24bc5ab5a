import type { ReplyOf } from '../../../shared/ipc/contract';
import type { BulkReport } from '../bulk';

type ReportView = Extract<ReplyOf<'bulk.analyze'>, { ok: true }>['report'];

/** Rows of each kind the wizard lists; the counts are exact and the download has more. */
export const LISTED_ROWS = 500;

/** The report as it crosses to the renderer: no file path, lists cut to what a screen shows. */
export function reportView(report: BulkReport): ReportView {
  const rejected =
    report.invalid.length + report.duplicateRows.length + report.suppressedRows.length;
  return {
    rows: report.rows,
    blankRows: report.blankRows,
    valid: report.valid,
    invalid: report.invalid.slice(0, LISTED_ROWS),
    invalidCount: report.invalidCount,
    duplicates: report.duplicates,
    duplicateRows: report.duplicateRows.slice(0, LISTED_ROWS),
    suppressed: report.suppressed,
    suppressedRows: report.suppressedRows.slice(0, LISTED_ROWS),
    deferred: report.deferred,
    warnings: report.warnings,
    segments: report.segments,
    cost: report.cost
      ? {
          currency: report.cost.totals.currency,
          min: report.cost.totals.min,
          max: report.cost.totals.max,
          complete: report.cost.totals.complete,
        }
      : null,
    costNote: report.costNote,
    balance: report.balance,
    preview: report.preview,
    rejectedInDownload: rejected,
  };
}
