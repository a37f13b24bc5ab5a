import type {
  BatchReconciliation,
  LostRequest,
  ReconciledState,
} from '../../../shared/domain/reconciliation';
import type { Db } from '../db/connection';
import { prepareOnce } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import { eventsOf } from '../events/sink';
import { logProblem } from '../log';
import { isProviderError } from '../providers/errors';
import type { ProviderAdapter } from '../providers/types';
import { SecretUnavailableError } from '../vault/vault';
import { rowRef } from './request-labels';
import { RECONCILABLE } from './rules';
import { OUTBOX_CODES } from './states';

export type AdapterFor = (accountId: number) => ProviderAdapter;

interface UnknownGroup {
  accountId: number;
  requestName: string;
  giveUpAt: number;
  campaignName: string | null;
  sentAt: number | null;
  lastSentAt: number | null;
  scheduleAt: number | null;
}

export interface ReconcileReport {
  accepted: number;
  requeued: number;
  parked: number;
  /** Groups the provider could not settle yet (asked again later). */
  pending: number;
}

/**
 * Settles messages whose request was written but whose answer was lost. Each
 * request carried a campaign name unique to it, and the adapter asks the
 * provider what it did with that request (`reconcileBatch`): per recipient
 * accepted (never send again), absent (safe to send again) or undetermined
 * (ask again later). A provider that cannot be asked, or a recipient still
 * undetermined at its give-up time, is parked as "outcome unknown" for a person.
 */
export async function reconcileUnknown(
  db: Db,
  adapterFor: AdapterFor,
  options: {
    now: number;
    retryMs: number;
    accountId?: number | null;
    /**
     * The longest a request may run (the engine's request budget): a row is
     * never asked about earlier than this after it was dispatched, so a request
     * still open in another drainer is not taken for a lost one.
     */
    longestRequestMs?: number;
  },
): Promise<ReconcileReport> {
  const report: ReconcileReport = { accepted: 0, requeued: 0, parked: 0, pending: 0 };
  for (const group of dueGroups(db, options.now, options.accountId ?? null)) {
    try {
      await reconcileGroup(db, adapterFor, group, options, report);
    } catch (error) {
      // Not the provider's answer but a fault of ours: the rows stay "outcome unknown" (never
      // sent again on a guess) and are looked at again later, and a developer gets to see it.
      logProblem(`could not reconcile request ${group.requestName}`, error);
      later(db, group.requestName, options.now + options.retryMs);
      report.pending += 1;
    }
  }
  return report;
}

async function reconcileGroup(
  db: Db,
  adapterFor: AdapterFor,
  group: UnknownGroup,
  options: { now: number; retryMs: number; longestRequestMs?: number },
  report: ReconcileReport,
): Promise<void> {
  let adapter: ProviderAdapter;
  try {
    adapter = adapterFor(group.accountId);
  } catch (error) {
    if (error instanceof SecretUnavailableError) return; // another process, with the secret, may settle it
    throw error;
  }
  if (!adapter.capabilities.reconcile) {
    report.parked += park(db, group.requestName, unreconcilableText(adapter.provider), options.now);
    return;
  }
  // The request may still be open in another drainer (or with the provider): ask only once
  // the longest a request may run has passed since it was written.
  const askable = (group.lastSentAt ?? 0) + (options.longestRequestMs ?? 0);
  if (askable > options.now) {
    later(db, group.requestName, askable);
    return;
  }
  const rows = unknownRows(db, group.requestName);
  let answer: BatchReconciliation;
  try {
    answer = await adapter.reconcileBatch(lostRequest(db, group, rows));
  } catch (error) {
    if (!isProviderError(error)) throw error;
    if (error.kind === 'permanent') {
      // Asking again would get the same refusal: a person decides.
      report.parked += park(db, group.requestName, refusedText(error.message), options.now);
      return;
    }
    // The provider could not be asked now (offline, busy, paused...): try again on a later pass.
    later(db, group.requestName, options.now + options.retryMs);
    report.pending += 1;
    return;
  }
  const counts = apply(db, group.requestName, rows, answer, options.now);
  report.accepted += counts.accepted;
  report.requeued += counts.requeued;
  if (counts.undetermined === 0) return;
  if (options.now >= group.giveUpAt) {
    report.parked += park(db, group.requestName, UNDECIDED_TEXT, options.now);
  } else {
    later(db, group.requestName, options.now + options.retryMs);
    report.pending += 1;
  }
}

function dueGroups(db: Db, now: number, accountId: number | null): UnknownGroup[] {
  return prepareOnce(
    db,
    `SELECT account_id AS accountId, request_name AS requestName, min(give_up_at) AS giveUpAt,
         max(campaign_name) AS campaignName, min(dispatched_at) AS sentAt,
         max(dispatched_at) AS lastSentAt,
         max(CASE WHEN schedule_mode = 'provider' THEN scheduled_for END) AS scheduleAt
       FROM messages
       WHERE ${RECONCILABLE} AND (@account IS NULL OR account_id = @account)
       GROUP BY account_id, request_name
       HAVING max(not_before) <= @now`,
  ).all({ now, account: accountId }) as UnknownGroup[];
}

/**
 * The request as it went out. Rows written before campaigns were shared
 * (no campaign_name) had a campaign of their own named by request_name and
 * no tag: finding that campaign is finding the request.
 */
function lostRequest(
  db: Db,
  group: UnknownGroup,
  rows: { id: number; recipient: string }[],
): LostRequest {
  const known = prepareOnce(
    db,
    `SELECT provider_message_id FROM messages
     WHERE account_id = ? AND provider_message_id IS NOT NULL AND schedule_mode = 'provider'
       AND state = 'accepted'`,
  )
    .pluck()
    .all(group.accountId) as string[];
  return {
    campaignName: group.campaignName ?? group.requestName,
    requestTag: group.campaignName === null ? null : group.requestName,
    sentAt: new Date(group.sentAt ?? Date.now()).toISOString(),
    scheduledAt: group.scheduleAt === null ? null : new Date(group.scheduleAt).toISOString(),
    recipients: rows.map((r) => ({ to: r.recipient, ref: rowRef(group.requestName, r.id) })),
    knownIds: known,
  };
}

function unknownRows(db: Db, requestName: string): { id: number; recipient: string }[] {
  return prepareOnce(
    db,
    `SELECT id, recipient FROM messages WHERE state = 'unknown' AND request_name = ?`,
  ).all(requestName) as { id: number; recipient: string }[];
}

function apply(
  db: Db,
  requestName: string,
  rows: { id: number; recipient: string }[],
  answer: BatchReconciliation,
  now: number,
) {
  const fence = `WHERE id = @id AND state = 'unknown' AND request_name = @requestName`;
  const accept = prepareOnce(
    db,
    `UPDATE messages SET state = 'accepted', provider_sending_id = @sendingId,
       provider_message_id = coalesce(@messageId, provider_message_id), error_code = NULL,
       error_kind = NULL, error_text = 'Confirmed with the provider after the answer to the send was lost.',
       settled_at = @now, updated_at = @now ${fence}`,
  );
  const requeue = prepareOnce(
    db,
    `UPDATE messages SET state = 'queued', not_before = @now, dispatched_at = NULL,
       error_text = @text, updated_at = @now ${fence}`,
  );
  const text = answer.campaignFound
    ? 'The provider received the request but did not take this recipient; sending again.'
    : 'The provider never received the request; sending again.';
  const sendingId = answer.sendingIds[0] ?? null;
  const stateOf = statesByRow(answer, requestName);
  return writeTransaction(db, () => {
    const counts = { accepted: 0, requeued: 0, undetermined: 0 };
    rows.forEach((row) => {
      const base = { id: row.id, requestName, now };
      const { state, messageId } = stateOf(row);
      if (state === 'accepted')
        counts.accepted += accept.run({ ...base, sendingId, messageId }).changes;
      else if (state === 'absent') counts.requeued += requeue.run({ ...base, text }).changes;
      else counts.undetermined += 1;
    });
    eventsOf(db).outboxChanged(rows.map((r) => r.id));
    return counts;
  });
}

/**
 * The provider's answer per row: by the row's own reference when the answer
 * carries references (360nrs), else by number.
 */
function statesByRow(
  answer: BatchReconciliation,
  requestName: string,
): (row: { id: number; recipient: string }) => {
  state: ReconciledState;
  messageId: string | null;
} {
  const byRef = new Map(answer.recipients.filter((r) => r.ref).map((r) => [r.ref, r]));
  const byNumber = statesByRecipient(answer);
  return (row) => {
    const own = byRef.get(rowRef(requestName, row.id));
    if (own) return { state: own.state, messageId: own.messageId ?? null };
    return { state: byRef.size > 0 ? 'undetermined' : byNumber(row.recipient), messageId: null };
  };
}

/**
 * The provider's answer per recipient, looked up by number, never by position:
 * an answer listed in another order cannot settle the wrong row. A number the
 * answer leaves out, or answers twice in contradiction, stays undetermined.
 */
function statesByRecipient(answer: BatchReconciliation): (recipient: string) => ReconciledState {
  const byNumber = new Map<string, ReconciledState>();
  for (const r of answer.recipients) {
    const key = numberKey(r.to);
    const seen = byNumber.get(key);
    byNumber.set(key, seen === undefined || seen === r.state ? r.state : 'undetermined');
  }
  return (recipient) => byNumber.get(numberKey(recipient)) ?? 'undetermined';
}

/** Digits only: "+34 600 111 222" and "34600111222" are one recipient. */
function numberKey(phone: string): string {
  return phone.replace(/\D/g, '');
}

function later(db: Db, requestName: string, at: number): void {
  prepareOnce(
    db,
    `UPDATE messages SET not_before = ? WHERE state = 'unknown' AND request_name = ?`,
  ).run(at, requestName);
}

const UNDECIDED_TEXT =
  'The answer to the send was lost and the provider has still not said whether it took this recipient. Retry it (it may arrive twice) or drop it.';

function unreconcilableText(provider: string): string {
  return `The answer from ${provider} was lost and it offers no way to check whether the message went out. Retry it (it may arrive twice) or drop it.`;
}

function refusedText(reason: string): string {
  return `The answer to the send was lost, and the provider refused to say whether it took this recipient (${reason}). Retry it (it may arrive twice) or drop it.`;
}

function park(db: Db, requestName: string, text: string, now: number): number {
  return prepareOnce(
    db,
    `UPDATE messages SET error_code = '${OUTBOX_CODES.unreconcilable}', error_text = @text, updated_at = @now
       WHERE state = 'unknown' AND request_name = @requestName`,
  ).run({ requestName, now, text }).changes;
}
