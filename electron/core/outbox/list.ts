import type { MessageEncoding } from '../../../shared/domain/message';
import {
  type DisplayState,
  displayState,
  type ScheduleMode,
} from '../../../shared/domain/message-state';
import type { Db } from '../db/connection';
import { displayStateSql } from './display-sql';
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
  /** What a person sees: the state refined by its schedule and expiry (shared/domain/message-state). */
  displayState: DisplayState;
  attempts: number;
  notBefore: number;
  scheduledFor: number | null;
  /** Where the schedule is kept: at the provider (sent with the laptop closed) or here. */
  scheduleMode: ScheduleMode | null;
  /** Sent after its scheduled time (offline then), by this much. */
  lateByMs: number | null;
  expiresAt: number | null;
  campaignName: string | null;
  providerMessageId: string | null;
  errorCode: string | null;
  errorText: string | null;
  deliveryStatus: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface ListQuery {
  /** Stored states (the IPC's filter). */
  states?: readonly MessageState[];
  /** States as a person sees them (`outbox list --state scheduled-at-provider`). */
  displayStates?: readonly DisplayState[];
  recipient?: string;
  jobId?: number;
  /** One account's messages (a conversation thread is one account and one recipient). */
  accountId?: number;
  /** Only messages older than this id (the next page of a thread). */
  beforeId?: number;
  limit: number;
  now?: number;
}

/**
 * The filters a query uses, as SQL. Only the filters asked for are written
 * (not `@x IS NULL OR col = @x`, which no index can serve): a thread page (one
 * account, one number) then reads its rows from `messages_by_recipient` in id
 * order instead of walking the whole outbox from its newest row.
 */
function whereOf(query: ListQuery): string {
  const terms = [
    query.states && query.states.length > 0
      ? 'state IN (SELECT value FROM json_each(@states))'
      : null,
    query.displayStates && query.displayStates.length > 0
      ? `${displayStateSql} IN (SELECT value FROM json_each(@shown))`
      : null,
    query.recipient !== undefined ? 'recipient = @recipient' : null,
    query.jobId !== undefined ? 'job_id = @jobId' : null,
    query.accountId !== undefined ? 'account_id = @accountId' : null,
    query.beforeId !== undefined ? 'id < @beforeId' : null,
  ].filter((t) => t !== null);
  return terms.length === 0 ? '' : `WHERE ${terms.join(' AND ')}`;
}

/** The newest messages first, optionally only some states, one recipient or one bulk job. */
export function listMessages(db: Db, query: ListQuery): OutboxMessageView[] {
  const now = query.now ?? Date.now();
  const rows = db
    .prepare(
      `SELECT id, account_id AS accountId, job_id AS jobId, recipient, sender, body, encoding, segments,
         state, attempts, not_before AS notBefore, scheduled_for AS scheduledFor,
         schedule_mode AS scheduleMode, late_by_ms AS lateByMs, expires_at AS expiresAt,
         campaign_name AS campaignName, provider_message_id AS providerMessageId, error_code AS errorCode,
         error_text AS errorText, delivery_status AS deliveryStatus, created_at AS createdAt,
         updated_at AS updatedAt
       FROM messages ${whereOf(query)}
       ORDER BY id DESC LIMIT @limit`,
    )
    .all(
      Object.fromEntries(
        Object.entries({
          states:
            query.states && query.states.length > 0 ? JSON.stringify(query.states) : undefined,
          shown:
            query.displayStates && query.displayStates.length > 0
              ? JSON.stringify(query.displayStates)
              : undefined,
          recipient: query.recipient,
          jobId: query.jobId,
          accountId: query.accountId,
          beforeId: query.beforeId,
          limit: query.limit,
          now: query.displayStates && query.displayStates.length > 0 ? now : undefined,
        }).filter(([, v]) => v !== undefined),
      ),
    ) as Omit<OutboxMessageView, 'displayState'>[];
  return rows.map((r) => ({ ...r, displayState: displayState(r, now) }));
}
