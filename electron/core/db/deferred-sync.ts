import type { Db } from './connection';

/**
 * Runs `work` (its transactions) with synchronous=NORMAL, then puts the
 * connection's setting back. In WAL mode such a commit is written to the WAL
 * at once (another connection, or this process after a crash, sees it) but is
 * not fsynced: it becomes durable with the next fsync of the WAL, i.e. the next
 * synchronous=FULL commit or a checkpoint. Only for writes whose loss on a
 * power cut is already recovered from (the outbox's settle: the rows fall back
 * to "sending, dispatched", which recovery turns into "outcome unknown" and the
 * provider is asked), never for one that must be on disk before something
 * else happens (a dispatch mark before its request).
 */
export function withDeferredSync<T>(db: Db, work: () => T): T {
  if (db.inTransaction) return work();
  const before = Number(db.pragma('synchronous', { simple: true }));
  db.pragma('synchronous = NORMAL');
  try {
    return work();
  } finally {
    db.pragma(`synchronous = ${before}`);
  }
}
