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
