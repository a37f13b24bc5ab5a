import type { Db } from '../db/connection';
import { parseThreadKey } from './thread-key';

/** Everything in the thread up to `at` has been seen (only moves forward). */
export function markThreadRead(db: Db, key: string, at = Date.now()): void {
  parseThreadKey(key);
  db.prepare(
    `INSERT INTO thread_reads (thread_key, read_at) VALUES (?, ?)
     ON CONFLICT (thread_key) DO UPDATE SET read_at = max(read_at, excluded.read_at)`,
  ).run(key, at);
}
