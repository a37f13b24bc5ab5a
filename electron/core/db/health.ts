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
 * Checks an opened profile database and throws what is wrong: a schema newer
 * than this version (SchemaTooNewError, the file is to be left alone), or a
 * reason clause for damage. `quick_check` rather than `integrity_check`: it
 * reads every page and checks the b-trees and records, but skips matching
 * each index against its table, which is what makes integrity_check
 * O(N log N); at start every CLI command runs this, so it must stay linear.
 */
export function checkHealth(db: Db): { damaged: string } | null {
  try {
    const found = schemaVersion(db);
    if (found > LATEST_SCHEMA_VERSION) throw new SchemaTooNewError(found, LATEST_SCHEMA_VERSION);
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
