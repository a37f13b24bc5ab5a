import { open } from 'node:fs/promises';
import type { Db } from './connection';
import { withDeferredSync } from './deferred-sync';

/** Flushes one file to disk (fsync) on libuv's thread pool, not on the caller's thread. */
export type FileSync = (path: string) => Promise<void>;

export const fsyncFile: FileSync = async (path) => {
  // r+: Windows flushes only a handle opened for writing; nothing is written through it.
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

/** The WAL file of a WAL-mode file database, or null (in memory, or another journal mode). */
const walPaths = new WeakMap<Db, string | null>();

function walPathOf(db: Db): string | null {
  let path = walPaths.get(db);
  if (path === undefined) {
    const mode = String(db.pragma('journal_mode', { simple: true })).toLowerCase();
    path = !db.memory && mode === 'wal' ? `${db.name}-wal` : null;
    walPaths.set(db, path);
  }
  return path;
}

export interface Committed<T> {
  value: T;
  /**
   * Flushes the commit to disk: settles once it is there, rejects if the
   * flush failed. Called only by whoever needs it (nothing to flush after a
   * transaction that found nothing to do).
   */
  flush: () => Promise<void>;
}

/**
 * Commits `work` (its transactions) as durably as synchronous=FULL, without
 * blocking this thread on the fsync: the commit is written to the WAL with
 * synchronous=NORMAL (visible at once to every connection, and kept by a
 * process crash), then the WAL file is fsynced on the thread pool. FULL does
 * exactly that fsync inside the commit, on the calling thread, which stalls
 * every other request the event loop is serving. An fsync flushes the file
 * whoever wrote it, so it also makes durable the settles committed before it
 * (see withDeferredSync). Whoever needs the commit on disk before acting (a
 * dispatch mark before its request) awaits `flush()`.
 */
export function commitWithoutWaiting<T>(
  db: Db,
  work: () => T,
  sync: FileSync = fsyncFile,
): Committed<T> {
  const wal = db.inTransaction ? null : walPathOf(db);
  if (wal === null) return { value: work(), flush: () => Promise.resolve() };
  const value = withDeferredSync(db, work);
  return { value, flush: () => sync(wal) };
}

/**
 * Flushes what is already in the WAL to disk on the thread pool: as durable
 * as a checkpoint for commits made with synchronous=NORMAL, without the
 * checkpoint's copy into the database file on the calling thread.
 */
export function flushWal(db: Db, sync: FileSync = fsyncFile): Promise<void> {
  const wal = walPathOf(db);
  return wal === null ? Promise.resolve() : sync(wal);
}
