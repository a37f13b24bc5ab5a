import type { Db } from '../db/connection';
import { prepareOnce } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import { eventsOf } from '../events/sink';
import { OUTBOX_CODES } from './states';

/**
 * Rows whose lease ran out belong to a worker that died or hung. If the row
 * was never dispatched, the request was never written: it is safe to queue
 * again. If it was dispatched, the provider may have it: it becomes
 * "outcome unknown" and goes to reconciliation, never straight back to the queue.
 */
export function recoverExpiredLeases(db: Db, now: number): { requeued: number; unknown: number } {
  return writeTransaction(db, () => {
    const requeued = prepareOnce(
      db,
      `UPDATE messages SET state = 'queued', lease_owner = NULL, lease_token = NULL,
           lease_expires_at = NULL, updated_at = @now
         WHERE state = 'sending' AND lease_expires_at < @now AND dispatched_at IS NULL`,
    ).run({ now }).changes;
    const unknown = prepareOnce(
      db,
      `UPDATE messages SET state = 'unknown', lease_owner = NULL, lease_token = NULL,
           lease_expires_at = NULL, error_code = '${OUTBOX_CODES.crashed}', error_kind = 'unknown-outcome',
           error_text = 'Outpost stopped while this message was being sent; checking with the provider whether it went out.',
           not_before = @now, updated_at = @now
         WHERE state = 'sending' AND lease_expires_at < @now AND dispatched_at IS NOT NULL`,
    ).run({ now }).changes;
    if (requeued + unknown > 0) eventsOf(db).outboxChanged('all');
    return { requeued, unknown };
  });
}

/**
 * At quit: this worker's rows that were claimed but whose request was never
 * written go straight back to the queue, instead of waiting for their lease to
 * run out. Dispatched rows are left as they are: the provider may have them,
 * and the next start's recovery sends them to reconciliation.
 */
export function releaseUndispatchedLeases(db: Db, owner: string, now: number): number {
  return writeTransaction(db, () => {
    const released = prepareOnce(
      db,
      `UPDATE messages SET state = 'queued', lease_owner = NULL, lease_token = NULL,
           lease_expires_at = NULL, updated_at = @now
         WHERE state = 'sending' AND lease_owner = @owner AND dispatched_at IS NULL`,
    ).run({ owner, now }).changes;
    if (released > 0) eventsOf(db).outboxChanged('all');
    return released;
  });
}

/** How many of this worker's messages are being sent right now (what quitting would interrupt). */
export function countInFlight(db: Db, owner: string): number {
  const row = prepareOnce(
    db,
    `SELECT COUNT(*) AS n FROM messages WHERE state = 'sending' AND lease_owner = ?`,
  ).get(owner) as { n: number };
  return row.n;
}
