import type { MessageEncoding } from '../../../shared/domain/message';
import type { Db } from '../db/connection';
import type { MessageState } from './states';

export interface OutboxMessageView {
  id: number;
  accountId: number;
  jobId: number | null;
  recipient: string;
  sender: string;
  body: string;
  encoding: MessageEncoding;
  segments: number;
  state: MessageState;
  attempts: number;
  notBefore: number;
  scheduledFor: number | null;
  errorCode: string | null;
  errorText: string | null;
  deliveryStatus: string | null;
  createdAt: number;
  updatedAt: number;
}

/** The newest messages first, optionally only some states or one recipient. */
export function listMessages(
  db: Db,
  query: { states?: readonly MessageState[]; recipient?: string; limit: number },
): OutboxMessageView[] {
  return db
    .prepare(
      `SELECT id, account_id AS accountId, job_id AS jobId, recipient, sender, body, encoding, segments,
         state, attempts, not_before AS notBefore, scheduled_for AS scheduledFor, error_code AS errorCode,
         error_text AS errorText, delivery_status AS deliveryStatus, created_at AS createdAt,
         updated_at AS updatedAt
       FROM messages
       WHERE (@states IS NULL OR state IN (SELECT value FROM json_each(@states)))
         AND (@recipient IS NULL OR recipient = @recipient)
       ORDER BY id DESC LIMIT @limit`,
    )
    .all({
      states: query.states && query.states.length > 0 ? JSON.stringify(query.states) : null,
      recipient: query.recipient ?? null,
      limit: query.limit,
    }) as OutboxMessageView[];
}
