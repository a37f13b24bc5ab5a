import { DISPLAY_STATES, type DisplayState } from '../../../shared/domain/message-state';
import type { Db } from '../db/connection';
import { displayStateSql } from './display-sql';
import { pausedAccounts } from './pause';

export interface OutboxStatus {
  counts: Record<DisplayState, number>;
  paused: { account: string; code: number | string; reason: string; since: string }[];
}

/**
 * The counts `outpost outbox status` prints, by the states a person sees:
 * each message is counted once. `scheduled` (waiting here for its time) is not
 * in `queued`, `scheduled-at-provider` not in `accepted`, `expired` not in `failed`.
 */
export function outboxStatus(db: Db, now = Date.now()): OutboxStatus {
  const counts = Object.fromEntries(DISPLAY_STATES.map((s) => [s, 0])) as Record<
    DisplayState,
    number
  >;
  const rows = db
    .prepare(`SELECT ${displayStateSql} AS shown, count(*) AS n FROM messages GROUP BY shown`)
    .all({ now }) as { shown: DisplayState; n: number }[];
  for (const row of rows) counts[row.shown] = row.n;
  const paused = pausedAccounts(db).map((p) => ({
    account: p.account,
    code: /^\d+$/.test(p.code) ? Number(p.code) : p.code,
    reason: p.reason,
    since: new Date(p.since).toISOString(),
  }));
  return { counts, paused };
}
