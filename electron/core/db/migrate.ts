import type { Db } from './connection';
import { migrations as allMigrations, type Migration } from './migrations';
import { writeTransaction } from './transaction';

export class SchemaTooNewError extends Error {
  constructor(found: number, known: number) {
    super(
      `The database is at schema version ${found}, newer than this version of Outpost knows (${known}). Update Outpost before opening it.`,
    );
    this.name = 'SchemaTooNewError';
  }
}

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Brings the database to the latest schema (or to `target`) in ONE transaction,
 * so a crash mid-upgrade leaves the previous version intact, never half of a new one.
 * Returns the versions applied.
 */
export function migrate(
  db: Db,
  options: { target?: number; migrations?: readonly Migration[] } = {},
): number[] {
  const list = options.migrations ?? allMigrations;
  const target = options.target ?? list.length;
  const current = schemaVersion(db);
  if (current > list.length) throw new SchemaTooNewError(current, list.length);
  const pending = list.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return [];
  writeTransaction(db, () => {
    for (const migration of pending) {
      db.exec(migration.sql);
      // user_version is transactional in SQLite, so it commits with the schema change.
      db.pragma(`user_version = ${migration.version}`);
    }
  });
  return pending.map((m) => m.version);
}
