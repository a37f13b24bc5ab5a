import type { MessageEncoding } from '../../../shared/domain/message';
import type { Db } from '../db/connection';
import { writeTransaction } from '../db/transaction';
import { eventsOf } from '../events/sink';
import { DEFAULT_RETRY_POLICY } from './policy';

export interface NewMessage {
  accountId: number;
  jobId?: number | null;
  recipient: string;
  sender: string;
  /** The text as written; identical templates are batched into one request. */
  template: string;
  fields?: Record<string, string>;
  /** The rendered text this recipient will read. */
  body: string;
  encoding: MessageEncoding;
  segments: number;
  maxParts: number;
  /** Local scheduling: not sent before this time (ms). */
  scheduledFor?: number | null;
}

/**
 * Writes messages to the outbox in ONE transaction, before anything touches
 * the network: either every recipient is queued or none is.
 */
export function enqueueMessages(
  db: Db,
  messages: readonly NewMessage[],
  options: { now?: number; giveUpAfterMs?: number } = {},
): number[] {
  const now = options.now ?? Date.now();
  const giveUpAfter = options.giveUpAfterMs ?? DEFAULT_RETRY_POLICY.giveUpAfterMs;
  const insert = db.prepare(
    `INSERT INTO messages (account_id, job_id, recipient, sender, template, fields, body, encoding,
       segments, max_parts, state, not_before, scheduled_for, give_up_at, created_at, updated_at)
     VALUES (@accountId, @jobId, @recipient, @sender, @template, @fields, @body, @encoding,
       @segments, @maxParts, 'queued', @notBefore, @scheduledFor, @giveUpAt, @now, @now)`,
  );
  return writeTransaction(db, () => {
    const ids = messages.map((m) => {
      const start = Math.max(now, m.scheduledFor ?? now);
      const result = insert.run({
        accountId: m.accountId,
        jobId: m.jobId ?? null,
        recipient: m.recipient,
        sender: m.sender,
        template: m.template,
        fields: JSON.stringify(m.fields ?? {}),
        body: m.body,
        encoding: m.encoding,
        segments: m.segments,
        maxParts: m.maxParts,
        notBefore: start,
        scheduledFor: m.scheduledFor ?? null,
        // The give-up clock starts when the message may first be sent.
        giveUpAt: start + giveUpAfter,
        now,
      });
      return Number(result.lastInsertRowid);
    });
    eventsOf(db).outboxChanged(ids);
    return ids;
  });
}
