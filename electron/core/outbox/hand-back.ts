import type { Db } from '../db/connection';
import { prepareOnce } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import { eventsOf } from '../events/sink';
import { OUTBOX_CODES } from './states';

const JOB_CANCELLED = `EXISTS (SELECT 1 FROM bulk_jobs j WHERE j.id = messages.job_id AND j.state = 'cancelled')`;

/**
 * Rows of a claim whose request was never written (claimed ahead, then held
 * back by a pause or a cancel, or left when the worker stopped): back to the
 * queue as if never tried, their attempt given back and the dispatch mark
 * removed. A row of a bulk job cancelled meanwhile is cancelled, as the
 * cancel would have done had the row not been claimed. Fenced by the lease
 * token, like every settle. Returns how many rows were handed back.
 */
export function handBackUnsent(db: Db, token: string, ids: readonly number[], now: number): number {
  if (ids.length === 0) return 0;
  return writeTransaction(db, () => {
    const changed = prepareOnce(
      db,
      `UPDATE messages SET
         state = CASE WHEN ${JOB_CANCELLED} THEN 'cancelled' ELSE 'queued' END,
         error_code = CASE WHEN ${JOB_CANCELLED} THEN '${OUTBOX_CODES.cancelled}' ELSE error_code END,
         error_text = CASE WHEN ${JOB_CANCELLED}
           THEN 'The bulk job was cancelled before this was sent.' ELSE error_text END,
         settled_at = CASE WHEN ${JOB_CANCELLED} THEN @now ELSE settled_at END,
         lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL, dispatched_at = NULL,
         attempts = max(attempts - 1, 0), updated_at = @now
       WHERE id IN (SELECT value FROM json_each(@ids)) AND lease_token = @token AND state = 'sending'`,
    ).run({ token, now, ids: JSON.stringify(ids) }).changes;
    if (changed > 0) eventsOf(db).outboxChanged([...ids]);
    return changed;
  });
}
