import type { ImportPlan } from './plan';

/** Rows of each kind the screen lists; the counts cover all of them and the download has every row. */
export const LISTED_ROWS = 200;

/** The plan as the check screen shows it. */
export function importReportView(plan: ImportPlan) {
  const update = plan.existing.filter((e) => e.patch !== null).length;
  return {
    rows: plan.rows,
    blankRows: plan.blankRows,
    add: plan.creates.length,
    update,
    unchanged: plan.existing.length - update,
    alreadyInBook: plan.existing.filter((e) => e.inBook).length,
    /** Existing contacts not yet in the book (or without the tag) that the import can add to it. */
    joinable: plan.join === null ? 0 : plan.existing.filter((e) => !e.inBook).length,
    /** Of those, the ones the file changes nothing else in (so Import counts each contact once). */
    joinOnly:
      plan.join === null ? 0 : plan.existing.filter((e) => !e.inBook && e.patch === null).length,
    join: plan.join,
    tag: plan.tag,
    invalidCount: plan.invalid.length,
    invalid: plan.invalid.slice(0, LISTED_ROWS),
    duplicateCount: plan.duplicates.length,
    duplicates: plan.duplicates.slice(0, LISTED_ROWS),
    existing: plan.existing.slice(0, LISTED_ROWS).map((e) => ({
      row: e.row,
      name: e.name,
      inBook: e.inBook,
      change: e.patch ? ('update' as const) : ('same' as const),
    })),
    book: plan.book ? { name: plan.book.name, isNew: plan.book.localId === null } : null,
  };
}

/** Every skipped row with why, for the download. */
export function skippedRows(plan: ImportPlan) {
  const byRow = new Map<
    number,
    { code: string; column: string; reason: string; duplicateOf: string }
  >();
  for (const p of plan.invalid)
    byRow.set(p.row, { code: 'invalid', column: p.column, reason: p.reason, duplicateOf: '' });
  for (const d of plan.duplicates)
    byRow.set(d.row, {
      code: 'duplicate',
      column: '',
      reason: `Same number as row ${d.of}.`,
      duplicateOf: String(d.of),
    });
  return byRow;
}
