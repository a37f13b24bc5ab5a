import type { Db } from './connection';

/**
 * SQLite checkpoints the WAL by itself, but while another process keeps
 * reading (the app and a CLI on one file) those checkpoints cannot finish and
 * the WAL keeps growing. The outbox calls this when it is idle: TRUNCATE
 * waits (busy_timeout) for readers to move on, then resets the file.
 * Returns false when a reader held on and the WAL was left as it was.
 */
export function checkpointWal(db: Db): boolean {
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return result?.busy === 0;
  } catch {
    return false;
  }
}
