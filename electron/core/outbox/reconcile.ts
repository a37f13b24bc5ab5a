import type { BatchReconciliation } from '../../../shared/domain/reconciliation';
import type { Db } from '../db/connection';
import { writeTransaction } from '../db/transaction';
import { eventsOf } from '../events/sink';
import type { ProviderAdapter } from '../providers/types';
import { OUTBOX_CODES } from './states';

export type AdapterFor = (accountId: number) => ProviderAdapter;

interface UnknownGroup {
  accountId: number;
  requestName: string;
  giveUpAt: number;
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
  options: { now: number; retryMs: number; accountId?: number | null },
): Promise<ReconcileReport> {
  const report: ReconcileReport = { accepted: 0, requeued: 0, parked: 0, pending: 0 };
  for (const group of dueGroups(db, options.now, options.accountId ?? null)) {
    let adapter: ProviderAdapter;
    try {
      adapter = adapterFor(group.accountId);
    } catch {
      continue; // e.g. no secret in this process: another process may settle it
    }
    if (!adapter.capabilities.reconcile) {
      report.parked += park(
        db,
        group.requestName,
        unreconcilableText(adapter.provider),
        options.now,
      );
      continue;
    }
    const rows = unknownRows(db, group.requestName);
    let answer: BatchReconciliation;
    try {
      answer = await adapter.reconcileBatch(
        group.requestName,
        rows.map((r) => r.recipient),
      );
    } catch {
      // The provider could not be asked now (offline, paused...): try again on a later pass.
      later(db, group.requestName, options.now + options.retryMs);
      report.pending += 1;
      continue;
    }
    const counts = apply(db, group.requestName, rows, answer, options.now);
    report.accepted += counts.accepted;
    report.requeued += counts.requeued;
    if (counts.undetermined === 0) continue;
    if (options.now >= group.giveUpAt) {
      report.parked += park(db, group.requestName, UNDECIDED_TEXT, options.now);
    } else {
      later(db, group.requestName, options.now + options.retryMs);
      report.pending += 1;
    }
  }
  return report;
}

function dueGroups(db: Db, now: number, accountId: number | null): UnknownGroup[] {
  return db
    .prepare(
      `SELECT account_id AS accountId, request_name AS requestName, min(give_up_at) AS giveUpAt
       FROM messages
       WHERE state = 'unknown' AND request_name IS NOT NULL
         AND coalesce(error_code, '') <> '${OUTBOX_CODES.unreconcilable}'
         AND (@account IS NULL OR account_id = @account)
       GROUP BY account_id, request_name
       HAVING max(not_before) <= @now`,
    )
    .all({ now, account: accountId }) as UnknownGroup[];
}

function unknownRows(db: Db, requestName: string): { id: number; recipient: string }[] {
  return db
    .prepare(`SELECT id, recipient FROM messages WHERE state = 'unknown' AND request_name = ?`)
    .all(requestName) as { id: number; recipient: string }[];
}

function apply(
  db: Db,
  requestName: string,
  rows: { id: number; recipient: string }[],
  answer: BatchReconciliation,
  now: number,
) {
  const fence = `WHERE id = @id AND state = 'unknown' AND request_name = @requestName`;
  const accept = db.prepare(
    `UPDATE messages SET state = 'accepted', provider_sending_id = @sendingId, error_code = NULL,
       error_kind = NULL, error_text = 'Confirmed with the provider after the answer to the send was lost.',
       settled_at = @now, updated_at = @now ${fence}`,
  );
  const requeue = db.prepare(
    `UPDATE messages SET state = 'queued', not_before = @now, dispatched_at = NULL,
       error_text = @text, updated_at = @now ${fence}`,
  );
  const text = answer.campaignFound
    ? 'The provider received the request but did not take this recipient; sending again.'
    : 'The provider never received the request; sending again.';
  const sendingId = answer.sendingIds[0] ?? null;
  return writeTransaction(db, () => {
    const counts = { accepted: 0, requeued: 0, undetermined: 0 };
    rows.forEach((row, i) => {
      const base = { id: row.id, requestName, now };
      const state = answer.recipients[i]?.state ?? 'undetermined';
      if (state === 'accepted') counts.accepted += accept.run({ ...base, sendingId }).changes;
      else if (state === 'absent') counts.requeued += requeue.run({ ...base, text }).changes;
      else counts.undetermined += 1;
    });
    eventsOf(db).outboxChanged(rows.map((r) => r.id));
    return counts;
  });
}

function later(db: Db, requestName: string, at: number): void {
  db.prepare(`UPDATE messages SET not_before = ? WHERE state = 'unknown' AND request_name = ?`).run(
    at,
    requestName,
  );
}

const UNDECIDED_TEXT =
  'The answer to the send was lost and the provider has still not said whether it took this recipient. Retry it (it may arrive twice) or drop it.';

function unreconcilableText(provider: string): string {
  return `The answer from ${provider} was lost and it offers no way to check whether the message went out. Retry it (it may arrive twice) or drop it.`;
}

function park(db: Db, requestName: string, text: string, now: number): number {
  return db
    .prepare(
      `UPDATE messages SET error_code = '${OUTBOX_CODES.unreconcilable}', error_text = @text, updated_at = @now
       WHERE state = 'unknown' AND request_name = @requestName`,
    )
    .run({ requestName, now, text }).changes;
}
