import type { Db } from '../db/connection';
import { phoneKey } from '../sync/phone-key';

/**
 * The contact name of each number (digits), from any account's book: one
 * indexed query for a page of threads. Books write a number as "34…",
 * "+34…" or "0034…", so all three spellings are asked for.
 */
export function contactNames(db: Db, numbers: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  if (numbers.length === 0) return names;
  const spellings = numbers.flatMap((n) => [n, `+${n}`, `00${n}`]);
  const rows = db
    .prepare(
      `SELECT phone, trim(first_name || ' ' || last_name) AS name FROM contacts
       WHERE phone IN (SELECT value FROM json_each(?)) AND trim(first_name || last_name) <> ''`,
    )
    .all(JSON.stringify(spellings)) as { phone: string; name: string }[];
  for (const r of rows) {
    const key = phoneKey(r.phone);
    if (!names.has(key)) names.set(key, r.name);
  }
  return names;
}

/** Numbers (digits) of contacts whose name contains `text`, for the inbox search. */
export function numbersNamed(db: Db, text: string, limit = 500): string[] {
  const rows = db
    .prepare(
      `SELECT phone FROM contacts
       WHERE (first_name || ' ' || last_name) LIKE '%' || ? || '%' ESCAPE '\\' LIMIT ?`,
    )
    .pluck()
    .all(
      text.replace(/[\\%_]/g, (c) => `\\${c}`),
      limit,
    ) as string[];
  return rows.map(phoneKey);
}
