import type { ProviderFailure } from '../../../shared/domain/provider-error';
import type { Db } from '../db/connection';

/**
 * A sender the provider refuses (360nrs 115, not verified) blocks only that
 * sender: its messages due now fail with the provider's sentence and what to
 * do; those scheduled for later are tried at their time (it may be verified
 * by then), and the account's other senders keep sending. Returns how many failed.
 */
export function failSenderQueue(
  db: Db,
  accountId: number,
  sender: string,
  failure: ProviderFailure,
  now: number,
): number {
  return db
    .prepare(
      `UPDATE messages SET state = 'failed', error_code = @code, error_kind = 'sender', error_text = @text,
         settled_at = @now, updated_at = @now
       WHERE account_id = @accountId AND sender = @sender AND state = 'queued' AND not_before <= @now`,
    )
    .run({
      accountId,
      sender,
      now,
      code: String(failure.code),
      text: `${failure.message} (Sender "${sender}"; the account's other senders keep sending.)`,
    }).changes;
}
