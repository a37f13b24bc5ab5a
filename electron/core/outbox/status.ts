import type { Db } from '../db/connection';
import { pausedAccounts } from './pause';
import { MESSAGE_STATES, type MessageState } from './states';

export interface OutboxStatus {
  counts: Record<MessageState | 'scheduled', number>;
  paused: { account: string; code: number | string; reason: string; since: string }[];
}

/** The counts `outpost outbox status` prints; "scheduled" is the part of "queued" waiting for its time. */
export function outboxStatus(db: Db, now = Date.now()): OutboxStatus {
  const counts = Object.fromEntries([...MESSAGE_STATES, 'scheduled'].map((s) => [s, 0])) as Record<
    MessageState | 'scheduled',
    number
  >;
  const rows = db.prepare('SELECT state, count(*) AS n FROM messages GROUP BY state').all() as {
    state: MessageState;
    n: number;
  }[];
  for (const row of rows) counts[row.state] = row.n;
  counts.scheduled = Number(
    db
      .prepare(
        `SELECT count(*) FROM messages WHERE state = 'queued' AND scheduled_for IS NOT NULL AND not_before > ?`,
      )
      .pluck()
      .get(now),
  );
  const paused = pausedAccounts(db).map((p) => ({
    account: p.account,
    code: /^\d+$/.test(p.code) ? Number(p.code) : p.code,
    reason: p.reason,
    since: new Date(p.since).toISOString(),
  }));
  return { counts, paused };
}
