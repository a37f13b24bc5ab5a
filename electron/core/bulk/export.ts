import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import Papa from 'papaparse';
import { parseTemplate } from '../../../shared/merge';
import { normalizePhone } from '../../../shared/phone';
import type { Db } from '../db/connection';
import { FIELDS_JSON_SQL } from '../outbox/fields';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or CR
 * that some spreadsheets strip first), also after leading spaces, gets a
 * leading apostrophe: Excel and LibreOffice then show it as text.
 */
export function neutraliseCell(value: string): string {
  return /^[\s]*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

interface ExportRow {
  id: number;
  recipient: string;
  fields: string;
  body: string;
  state: string;
  segments: number;
  provider_message_id: string | null;
  error_code: string | null;
  error_text: string | null;
  delivery_status: string | null;
  updated_at: number;
}

const COLUMNS = [
  'phone',
  'country',
  'state',
  'delivery',
  'error_code',
  'error',
  'segments',
  'message_id',
  'updated',
  'message',
];

/**
 * Phone numbers are exported in the provider's form, digits only
 * ("34666555444"): no leading "+", which would be neutralised to "'+34..."
 * or read by a spreadsheet as a formula, and no national form, which needs a
 * country to read back. Our importer reads such digits as country code +
 * number (reading order step 1/3 in shared/phone/normalize.ts); the
 * country column, which the importer uses as the row's default country,
 * makes that reading win even where the digits would also be a valid
 * national number, so a re-import yields the same numbers.
 */
function toCells(row: ExportRow, fieldNames: string[]): string[] {
  const fields = JSON.parse(row.fields) as Record<string, string>;
  const phone = normalizePhone(`+${row.recipient}`);
  const values = [
    row.recipient,
    phone.ok ? (phone.countryIso ?? '') : '',
    row.state,
    row.delivery_status ?? '',
    row.error_code ?? '',
    row.error_text ?? '',
    String(row.segments),
    row.provider_message_id ?? '',
    new Date(row.updated_at).toISOString(),
    row.body,
    ...fieldNames.map((f) => fields[f] ?? ''),
  ];
  return values.map(neutraliseCell);
}

const PAGE = 1_000;

/**
 * Writes a job's results as CSV (UTF-8 with BOM, so Excel reads the accents).
 * Reads SQLite a page at a time rather than holding an iterator open across
 * awaits, which would block every other query on the connection.
 */
export async function exportJobResults(db: Db, jobId: number, path: string): Promise<number> {
  const job = db.prepare('SELECT template FROM bulk_jobs WHERE id = ?').pluck().get(jobId) as
    | string
    | undefined;
  if (job === undefined) throw new Error(`There is no bulk job ${jobId}.`);
  const fieldNames = parseTemplate(job).fields.filter((f) => !COLUMNS.includes(f));
  const out = createWriteStream(path);
  const write = async (lines: string[][]) => {
    if (!out.write(`${Papa.unparse(lines, { newline: '\r\n' })}\r\n`)) await once(out, 'drain');
  };
  out.write('\uFEFF');
  await write([[...COLUMNS, ...fieldNames]]);
  const page = db.prepare(
    `SELECT id, recipient, ${FIELDS_JSON_SQL} AS fields, body, state, segments, provider_message_id,
            error_code, error_text, delivery_status, updated_at
     FROM messages m WHERE job_id = ? AND id > ? ORDER BY id LIMIT ?`,
  );
  let rows = 0;
  let after = 0;
  for (;;) {
    const batch = page.all(jobId, after, PAGE) as ExportRow[];
    if (batch.length === 0) break;
    await write(batch.map((r) => toCells(r, fieldNames)));
    rows += batch.length;
    after = batch[batch.length - 1]?.id ?? after;
  }
  out.end();
  await once(out, 'finish');
  return rows;
}
