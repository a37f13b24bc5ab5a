import type { ProviderFailure } from '../../../shared/domain/provider-error';
import type { Db } from '../db/connection';
import { prepareOnce } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import { eventsOf } from '../events/sink';
import { OUTBOX_CODES } from './states';

/** What happened to one leased row. */
export type Outcome =
  | {
      id: number;
      kind: 'accepted';
      messageId: string | null;
      parts: number | null;
      campaignId: string | null;
      sendingId: string | null;
    }
  | { id: number; kind: 'failed'; failure: ProviderFailure }
  | { id: number; kind: 'retry'; failure: ProviderFailure; notBefore: number }
  /** notBefore: when to ask the provider what became of it. */
  | { id: number; kind: 'unknown'; failure: ProviderFailure; notBefore: number }
  /** Back to the queue as if never tried: offline, or the account was paused. */
  | { id: number; kind: 'release'; failure: ProviderFailure | null };

/** A scheduled message handed over later than this after its time is marked late (it was offline then). */
export const LATE_AFTER_MS = 60_000;

const CLEAR_LEASE = 'lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL';

/**
 * Applies a request's outcomes in one transaction. Every update is fenced by
 * the lease token and the 'sending' state: a worker whose lease expired and
 * was taken over (or recovered as unknown) changes nothing. Returns how many
 * rows this worker still owned.
 */
export function settle(db: Db, token: string, outcomes: readonly Outcome[], now: number): number {
  const fence = 'WHERE id = @id AND lease_token = @token AND state = @sending';
  const statements = {
    failed: prepareOnce(
      db,
      `UPDATE messages SET state = 'failed', ${CLEAR_LEASE}, error_code = @code, error_kind = @errorKind,
         error_text = @text, settled_at = @now, updated_at = @now ${fence}`,
    ),
    retry: prepareOnce(
      db,
      `UPDATE messages SET
         state = CASE WHEN @notBefore > give_up_at THEN 'failed' ELSE 'queued' END,
         error_code = CASE WHEN @notBefore > give_up_at THEN '${OUTBOX_CODES.gaveUp}' ELSE @code END,
         error_text = CASE WHEN @notBefore > give_up_at
           THEN 'Gave up after ' || attempts || ' attempts: ' || @text ELSE @text END,
         error_kind = @errorKind, not_before = @notBefore, dispatched_at = NULL, ${CLEAR_LEASE},
         settled_at = CASE WHEN @notBefore > give_up_at THEN @now ELSE NULL END, updated_at = @now
       ${fence}`,
    ),
    unknown: prepareOnce(
      db,
      `UPDATE messages SET state = 'unknown', ${CLEAR_LEASE}, error_code = @code, error_kind = @errorKind,
         error_text = @text, not_before = @notBefore, updated_at = @now ${fence}`,
    ),
    release: prepareOnce(
      db,
      `UPDATE messages SET state = 'queued', ${CLEAR_LEASE}, dispatched_at = NULL,
         attempts = max(attempts - 1, 0), error_code = coalesce(@code, error_code),
         error_kind = coalesce(@errorKind, error_kind), error_text = coalesce(@text, error_text),
         updated_at = @now ${fence}`,
    ),
  };
  // Accepted rows (nearly all of a request) in one statement: one pass instead
  // of a statement per row, which cost most of a large batch's settle. Each row
  // is a short array ([id, messageId, parts]) and the ids a request shares are
  // parameters: SQLite parses a row's JSON again for every value read from it,
  // so fewer and shorter values make the settle cheaper. The `+` keeps the
  // planner on the id lookup per row; on the lease index it would scan the
  // request's rows once per accepted row.
  const acceptedAll = prepareOnce(
    db,
    `UPDATE messages SET state = 'accepted', ${CLEAR_LEASE}, provider_message_id = r.value ->> 1,
       parts = r.value ->> 2, provider_campaign_id = @campaignId, provider_sending_id = @sendingId,
       error_code = NULL, error_kind = NULL, error_text = NULL, settled_at = @now, updated_at = @now,
       late_by_ms = CASE WHEN scheduled_for IS NOT NULL AND @now - scheduled_for > ${LATE_AFTER_MS}
         THEN @now - scheduled_for END
     FROM json_each(@rows) AS r
     WHERE messages.id = r.value ->> 0 AND +messages.lease_token = @token
       AND +messages.state = 'sending'`,
  );
  const accepted = byProviderRequest(outcomes);
  return writeTransaction(db, () => {
    let owned = 0;
    for (const { campaignId, sendingId, rows } of accepted)
      owned += acceptedAll.run({
        token,
        now,
        campaignId,
        sendingId,
        rows: JSON.stringify(rows),
      }).changes;
    for (const outcome of outcomes) {
      if (outcome.kind === 'accepted') continue;
      const base = { id: outcome.id, token, sending: 'sending', now };
      const failure = 'failure' in outcome ? outcome.failure : null;
      const error = {
        code: failure === null ? null : String(failure.code),
        errorKind: failure?.kind ?? null,
        text: failure?.message ?? null,
      };
      const params =
        outcome.kind === 'retry' || outcome.kind === 'unknown'
          ? { ...base, ...error, notBefore: outcome.notBefore }
          : { ...base, ...error };
      const { kind: _kind, failure: _failure, ...bound } = params as Record<string, unknown>;
      owned += statements[outcome.kind].run(bound).changes;
    }
    eventsOf(db).outboxChanged(outcomes.map((o) => o.id));
    return owned;
  });
}

type Accepted = Extract<Outcome, { kind: 'accepted' }>;

/** Accepted outcomes by the provider's campaign and sending (one group for a request's answer). */
function byProviderRequest(outcomes: readonly Outcome[]): {
  campaignId: string | null;
  sendingId: string | null;
  rows: [number, string | null, number | null][];
}[] {
  const groups = new Map<string, ReturnType<typeof byProviderRequest>[number]>();
  for (const o of outcomes) {
    if (o.kind !== 'accepted') continue;
    const key = JSON.stringify([o.campaignId, o.sendingId]);
    let group = groups.get(key);
    if (!group) {
      group = { campaignId: o.campaignId, sendingId: o.sendingId, rows: [] };
      groups.set(key, group);
    }
    group.rows.push(rowOf(o));
  }
  return [...groups.values()];
}

function rowOf(o: Accepted): [number, string | null, number | null] {
  return [o.id, o.messageId, o.parts];
}
