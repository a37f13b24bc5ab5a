import type { FileImport } from '../../core/contacts-import/import-file';

/** Bad rows printed in the human summary; `--json` has every one. */
const LISTED = 20;

/** `contacts import`'s report: the counts, then each skipped row by row and column. */
export function importSummary({ sniff, plan, outcome }: FileImport) {
  const json = {
    rows: plan.rows,
    added: outcome.added,
    updated: outcome.updated,
    joined: outcome.joined,
    unchanged: outcome.unchanged,
    skipped: outcome.skipped,
    book: outcome.book,
    tag: outcome.tag,
    invalid: plan.invalid,
    duplicates: plan.duplicates,
    sniff: { encoding: sniff.encoding, delimiter: sniff.delimiter, header: sniff.header },
  };
  const into = outcome.book
    ? ` to "${outcome.book}"`
    : outcome.tag
      ? ` tagged "${outcome.tag}"`
      : '';
  const problems = [
    ...plan.invalid.map((p) => ({ row: p.row, text: `column "${p.column}": ${p.reason}` })),
    ...plan.duplicates.map((d) => ({ row: d.row, text: `same number as row ${d.of}` })),
  ].sort((a, b) => a.row - b.row);
  const lines = [
    `Added ${outcome.added} of ${plan.rows} rows${into}; ${outcome.updated} updated, ${outcome.unchanged} already there, ${outcome.skipped} skipped.`,
    ...(outcome.joined > 0
      ? [`${outcome.joined} contacts that already existed were added${into}.`]
      : []),
    ...problems.slice(0, LISTED).map((p) => `row ${p.row}, ${p.text}`),
    ...(problems.length > LISTED
      ? [`… and ${problems.length - LISTED} more rows skipped (see --json).`]
      : []),
    'Run `contacts sync` to send the changes to the provider.',
  ];
  return { json, text: lines.join('\n') };
}
