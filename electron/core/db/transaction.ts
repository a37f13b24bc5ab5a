import type { Db } from './connection';

/**
 * Runs `work` in a write transaction begun IMMEDIATE. A deferred transaction
 * that later upgrades to a write fails at once with SQLITE_BUSY when another
 * process (the app and the CLI share the file) holds the write lock; IMMEDIATE
 * takes the lock up front, where busy_timeout can wait for it.
 */
export function writeTransaction<T>(db: Db, work: () => T): T {
  return db.transaction(work).immediate();
}
