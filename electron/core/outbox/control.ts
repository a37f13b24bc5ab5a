import type { Db } from '../db/connection';
import { writeTransaction } from '../db/transaction';
import { eventsOf } from '../events/sink';
import { DEFAULT_RETRY_POLICY } from './policy';
import { OUTBOX_CODES } from './states';

export class OutboxControlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutboxControlError';
  }
}

/** Rows that have not been handed to the provider: cancelling them is certain to stop them. */
const NOT_YET_SENT = `(state = 'queued' OR (state = 'sending' AND dispatched_at IS NULL) OR state = 'unknown')`;

function messageState(db: Db, id: number): string {
  const state = db.prepare('SELECT state FROM messages WHERE id = ?').pluck().get(id) as
    | string
    | undefined;
  if (state === undefined) throw new OutboxControlError(`There is no message ${id} in the outbox.`);
  return state;
}

/**
 * Cancels one message. It takes effect before the next request: a leased row
 * that was not yet dispatched is dropped from its request at dispatch time.
 */
export function cancelMessage(db: Db, id: number, now = Date.now()): void {
  writeTransaction(db, () => {
    const state = messageState(db, id);
    const changed = db
      .prepare(
        `UPDATE messages SET state = 'cancelled', error_code = '${OUTBOX_CODES.cancelled}',
           error_text = 'Cancelled before it was sent.', lease_token = NULL, settled_at = @now, updated_at = @now
         WHERE id = @id AND ${NOT_YET_SENT}`,
      )
      .run({ id, now }).changes;
    if (changed === 0) {
      throw new OutboxControlError(
        `Message ${id} cannot be cancelled: it is ${state === 'sending' ? 'being sent right now' : state}.`,
      );
    }
    eventsOf(db).outboxChanged([id]);
  });
}

/** Sends a failed or outcome-unknown message again, with a fresh retry window. */
export function retryMessage(db: Db, id: number, now = Date.now()): void {
  writeTransaction(db, () => {
    const state = messageState(db, id);
    const changed = db
      .prepare(
        `UPDATE messages SET state = 'queued', not_before = @now, give_up_at = @giveUp,
           dispatched_at = NULL, settled_at = NULL, updated_at = @now
         WHERE id = @id AND state IN ('failed', 'unknown')`,
      )
      .run({ id, now, giveUp: now + DEFAULT_RETRY_POLICY.giveUpAfterMs }).changes;
    if (changed === 0) {
      throw new OutboxControlError(
        `Message ${id} cannot be retried: it is ${state}; only failed or outcome-unknown messages can.`,
      );
    }
    eventsOf(db).outboxChanged([id]);
  });
}

function requireJob(db: Db, jobId: number): string {
  const state = db.prepare('SELECT state FROM bulk_jobs WHERE id = ?').pluck().get(jobId) as
    | string
    | undefined;
  if (state === undefined) throw new OutboxControlError(`There is no bulk job ${jobId}.`);
  return state;
}

/** Cancels a bulk job: nothing of it not yet handed to the provider goes out. Returns the rows cancelled. */
export function cancelJob(db: Db, jobId: number, now = Date.now()): number {
  return writeTransaction(db, () => {
    requireJob(db, jobId);
    db.prepare(`UPDATE bulk_jobs SET state = 'cancelled' WHERE id = ?`).run(jobId);
    eventsOf(db).jobChanged(jobId);
    return db
      .prepare(
        `UPDATE messages SET state = 'cancelled', error_code = '${OUTBOX_CODES.cancelled}',
           error_text = 'The bulk job was cancelled before this was sent.', lease_token = NULL,
           settled_at = @now, updated_at = @now
         WHERE job_id = @jobId AND ${NOT_YET_SENT}`,
      )
      .run({ jobId, now }).changes;
  });
}

export function setJobPaused(db: Db, jobId: number, paused: boolean): void {
  writeTransaction(db, () => {
    const state = requireJob(db, jobId);
    if (state === 'cancelled') throw new OutboxControlError(`Bulk job ${jobId} was cancelled.`);
    db.prepare('UPDATE bulk_jobs SET state = ? WHERE id = ?').run(
      paused ? 'paused' : 'active',
      jobId,
    );
    eventsOf(db).jobChanged(jobId);
  });
}

/** Queues every failed or outcome-unknown message of a job again. Returns how many. */
export function retryJob(db: Db, jobId: number, now = Date.now()): number {
  return writeTransaction(db, () => {
    const state = requireJob(db, jobId);
    if (state === 'cancelled') throw new OutboxControlError(`Bulk job ${jobId} was cancelled.`);
    eventsOf(db).jobChanged(jobId);
    return db
      .prepare(
        `UPDATE messages SET state = 'queued', not_before = @now, give_up_at = @giveUp,
           dispatched_at = NULL, settled_at = NULL, updated_at = @now
         WHERE job_id = @jobId AND state IN ('failed', 'unknown')`,
      )
      .run({ jobId, now, giveUp: now + DEFAULT_RETRY_POLICY.giveUpAfterMs }).changes;
  });
}

/** Cancels everything of an account not yet handed to the provider. Returns the rows cancelled. */
export function cancelAccountQueue(db: Db, accountId: number, now = Date.now()): number {
  eventsOf(db).outboxChanged('all');
  return db
    .prepare(
      `UPDATE messages SET state = 'cancelled', error_code = '${OUTBOX_CODES.cancelled}',
         error_text = 'The account''s queue was cancelled before this was sent.', lease_token = NULL,
         settled_at = @now, updated_at = @now
       WHERE account_id = @accountId AND ${NOT_YET_SENT}`,
    )
    .run({ accountId, now }).changes;
}
