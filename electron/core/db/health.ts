import type { Db } from './connection';
import { SchemaTooNewError, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations';

/** SQLite's answers that mean the file itself is bad, not that it is busy or unreadable. */
const DAMAGE_CODES: [prefix: string, reason: string][] = [
  ['SQLITE_NOTADB', 'it is not an SQLite database'],
  // Extended codes (SQLITE_CORRUPT_INDEX, ...) share the prefix.
  ['SQLITE_CORRUPT', 'its pages are damaged'],
];

/** The clause saying what is wrong with the file, or null when the error is about something else. */
export function damageReason(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  return DAMAGE_CODES.find(([prefix]) => code.startsWith(prefix))?.[1] ?? null;
}

/**
 * Checks an opened profile database: throws SchemaTooNewError for a schema
 * newer than this version (the file is to be left alone), returns a reason
 * clause for damage, null when it is fine. Without `scan`, only what opening
 * touches anyway (the header, the schema pages): that catches a file that is
 * not a database or whose start is destroyed. With `scan`, `quick_check`
 * reads every page and checks the b-trees and records; it skips matching
 * each index against its table, which makes it cheaper than
 * `integrity_check` (87 MB: 7.9 s against 12.6 s on a loaded 2-core machine),
 * but it still reads the whole file, so it runs at the app's start, before
 * a migration and before each daily backup, not at every CLI command.
 */
export function checkHealth(db: Db, scan: boolean): { damaged: string } | null {
  try {
    const found = schemaVersion(db);
    if (found > LATEST_SCHEMA_VERSION) throw new SchemaTooNewError(found, LATEST_SCHEMA_VERSION);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    if (!scan) return null;
    const problems = db.pragma('quick_check') as { quick_check: string }[];
    const first = problems[0]?.quick_check;
    if (first === undefined || first === 'ok') return null;
    return {
      damaged: `the integrity check found ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}, the first: ${first}`,
    };
  } catch (error) {
    const reason = damageReason(error);
    if (reason) return { damaged: reason };
    throw error;
  }
}
