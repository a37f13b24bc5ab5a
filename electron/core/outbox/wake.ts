import type { Db } from '../db/connection';
import { prepareOnce } from '../db/statements';
import { RECONCILABLE, sendable } from './rules';

export interface WakeInput {
  now: number;
  accountId: number | null;
  owner: string;
  offlineUntil: ReadonlyMap<number, number>;
  unusable: readonly number[];
  /** When a paused account is next probed (the long-running loop only). */
  probeAt: number | null;
}

/**
 * When there may next be something to do, or null when nothing will ever
 * become due without outside help (empty queue, or only paused accounts).
 */
export function nextWakeAt(db: Db, input: WakeInput): number | null {
  const params = {
    account: input.accountId,
    skip: JSON.stringify(input.unusable),
    owner: input.owner,
  };
  const queued = prepareOnce(
    db,
    `SELECT m.account_id AS accountId, min(m.not_before) AS at FROM messages m
       WHERE ${sendable('m', { due: false })}
       GROUP BY m.account_id`,
  ).all(params) as { accountId: number; at: number }[];
  const candidates = queued.map((q) => Math.max(q.at, input.offlineUntil.get(q.accountId) ?? 0));

  const unknown = prepareOnce(
    db,
    `SELECT min(not_before) FROM messages
       WHERE ${RECONCILABLE}
         AND (@account IS NULL OR account_id = @account)
         AND account_id NOT IN (SELECT value FROM json_each(@skip))`,
  )
    .pluck()
    .get(params) as number | null;
  if (unknown !== null) candidates.push(unknown);

  // Our own requests still in flight may come back as retries; another
  // process's lease, if that process died, is recovered when it expires.
  const mine = prepareOnce(
    db,
    `SELECT 1 FROM messages WHERE state = 'sending' AND lease_owner = @owner LIMIT 1`,
  ).get(params);
  if (mine) candidates.push(input.now + 100);
  const theirs = prepareOnce(
    db,
    `SELECT min(lease_expires_at) FROM messages
       WHERE state = 'sending' AND lease_owner <> @owner AND (@account IS NULL OR account_id = @account)`,
  )
    .pluck()
    .get(params) as number | null;
  if (theirs !== null) candidates.push(theirs + 1);
  if (input.probeAt !== null) candidates.push(input.probeAt);

  return candidates.length === 0 ? null : Math.max(input.now, Math.min(...candidates));
}
