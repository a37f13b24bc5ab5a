import { EXPIRED_CODE } from '../../../shared/domain/message-state';
import type { Db } from '../db/connection';
import { prepareOnce } from '../db/statements';

/**
 * Queued messages whose validity ended before they could be handed over
 * (offline, paused, a full queue) are not sent: they end as expired, which is
 * what the provider would have done with them, not as failures of the send.
 */
export function expireOverdue(db: Db, now: number): number {
  // The conditions are messages_to_expire's own, so the planner walks only that index.
  return prepareOnce(
    db,
    `UPDATE messages SET state = 'failed', error_code = '${EXPIRED_CODE}', error_kind = 'permanent',
         error_text = 'Its validity ended (' || strftime('%Y-%m-%dT%H:%M:%SZ', expires_at / 1000, 'unixepoch')
           || ') before it could be sent, so it was not sent.',
         settled_at = @now, updated_at = @now
       WHERE state = 'queued' AND expires_at IS NOT NULL AND expires_at <= @now`,
  ).run({ now }).changes;
}
