import type { Db } from '../db/connection';
import { prepareOnce } from '../db/statements';
import { OUTBOX_CODES } from './states';

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
    unusable: JSON.stringify(input.unusable),
    owner: input.owner,
  };
  const queued = prepareOnce(
    db,
    `SELECT m.account_id AS accountId, min(m.not_before) AS at FROM messages m
       WHERE m.state = 'queued'
         AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = m.account_id AND a.paused_code IS NOT NULL)
         AND NOT EXISTS (SELECT 1 FROM bulk_jobs j WHERE j.id = m.job_id AND j.state <> 'active')
         AND (@account IS NULL OR m.account_id = @account)
         AND m.account_id NOT IN (SELECT value FROM json_each(@unusable))
       GROUP BY m.account_id`,
  ).all(params) as { accountId: number; at: number }[];
  const candidates = queued.map((q) => Math.max(q.at, input.offlineUntil.get(q.accountId) ?? 0));

  const unknown = prepareOnce(
    db,
    `SELECT min(not_before) FROM messages
       WHERE state = 'unknown' AND request_name IS NOT NULL
         AND coalesce(error_code, '') <> '${OUTBOX_CODES.unreconcilable}'
         AND (@account IS NULL OR account_id = @account)
         AND account_id NOT IN (SELECT value FROM json_each(@unusable))`,
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
