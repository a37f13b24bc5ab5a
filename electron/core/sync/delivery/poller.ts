import type { MessageStatus } from '../../../../shared/domain/status';
import type { Db } from '../../db/connection';
import { writeTransaction } from '../../db/transaction';
import { eventsOf } from '../../events/sink';
import { isProviderError } from '../../providers/errors';
import type { ProviderAdapter } from '../../providers/types';
import { stmt } from '../statements';
import { combineStatuses, deliveredAt, type Outcome } from './outcome';

/** next_poll_at of a message we stopped polling (too old, or no status API). */
export const NEVER = Number.MAX_SAFE_INTEGER;

export type AdapterFor = (
  accountId: number,
) => ProviderAdapter | null | undefined | Promise<ProviderAdapter | null | undefined>;

export interface PollOptions {
  now?: () => number;
  /** Most messages looked at in one pass, over all accounts. Default 2000. */
  limit?: number;
  /** Ids per status request. Default 100 (360nrs takes a comma-separated list). */
  batchSize?: number;
  /** First wait after acceptance, doubling per poll up to `maxDelayMs`. Defaults 5 s and 30 min. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Stop polling a message this long after it went out (its status stays "accepted"). Default 7 days. */
  giveUpAfterMs?: number;
  /** [0, 1) source for jitter; tests pass a fixed one. */
  random?: () => number;
  signal?: AbortSignal;
}

export interface PollReport {
  /** Messages whose status was asked for. */
  polled: number;
  delivered: number;
  failed: number;
  stillPending: number;
  /** Status requests made (each carries up to `batchSize` ids). */
  requests: number;
  /** Accounts that could not be polled this pass, with the reason. */
  errors: { accountId: number; code: number | string; message: string; retryAfterMs?: number }[];
  /** When the next message is due, or null when none is waiting. */
  nextDueAt: number | null;
}

interface DueRow {
  id: number;
  account_id: number;
  provider_message_id: string;
  poll_attempts: number;
  went_out_at: number;
}

const DEFAULTS = {
  limit: 2000,
  batchSize: 100,
  firstDelayMs: 5_000,
  maxDelayMs: 30 * 60_000,
  giveUpAfterMs: 7 * 24 * 60 * 60_000,
};

type Settings = typeof DEFAULTS & { now: () => number; random: () => number };

/**
 * One pass of delivery polling: asks the provider about every accepted
 * message that is due, in batches of ids, and records what it says. Only
 * rows in state 'accepted' are touched (the outbox never touches them again),
 * and each update re-checks that state, so a concurrent pass is harmless.
 */
export async function pollDeliveries(
  db: Db,
  adapterFor: AdapterFor,
  options: PollOptions = {},
): Promise<PollReport> {
  const s: Settings = {
    ...DEFAULTS,
    ...definedOnly(options),
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
  };
  const report: PollReport = {
    polled: 0,
    delivered: 0,
    failed: 0,
    stillPending: 0,
    requests: 0,
    errors: [],
    nextDueAt: null,
  };
  const due = dueMessages(db, s);
  for (const [accountId, rows] of groupBy(due, (r) => r.account_id)) {
    options.signal?.throwIfAborted();
    await pollAccount(db, accountId, rows, adapterFor, s, report, options.signal);
  }
  report.nextDueAt = nextDueAt(db, s.firstDelayMs);
  return report;
}

async function pollAccount(
  db: Db,
  accountId: number,
  rows: DueRow[],
  adapterFor: AdapterFor,
  s: Settings,
  report: PollReport,
  signal: AbortSignal | undefined,
): Promise<void> {
  const adapter = await adapterFor(accountId);
  if (!adapter?.capabilities.deliveryStatus) {
    stopPolling(db, rows, s.now());
    return;
  }
  for (let i = 0; i < rows.length; i += s.batchSize) {
    const batch = rows.slice(i, i + s.batchSize);
    let statuses: MessageStatus[];
    try {
      report.requests++;
      statuses = await adapter.getStatuses(
        [...new Set(batch.map((r) => r.provider_message_id))],
        signal ? { signal } : {},
      );
    } catch (error) {
      if (!isProviderError(error)) throw error;
      // Nothing is recorded: the same rows are due again on the next pass.
      report.errors.push({
        accountId,
        code: error.code,
        message: error.message,
        ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
      });
      return;
    }
    report.polled += batch.length;
    record(db, batch, statuses, s, report);
  }
}

function record(
  db: Db,
  batch: DueRow[],
  statuses: MessageStatus[],
  s: Settings,
  report: PollReport,
): void {
  const byId = groupBy(statuses, (st) => st.messageId);
  const now = s.now();
  writeTransaction(db, () => {
    for (const row of batch) {
      const records = byId.get(row.provider_message_id) ?? [];
      const outcome = combineStatuses(records);
      insertEvents(db, row.id, outcome, now);
      if (outcome.final) {
        settle(db, row.id, outcome, now);
        if (outcome.failure) report.failed++;
        else report.delivered++;
      } else {
        reschedule(db, row, records.length > 0 ? outcome.status : null, s, now);
        report.stillPending++;
      }
    }
    eventsOf(db).deliveryUpdated(
      batch.filter((r) => byId.has(r.provider_message_id)).map((r) => r.id),
    );
  });
}

function insertEvents(db: Db, messageId: number, outcome: Outcome, now: number): void {
  const insert = stmt(
    db,
    `INSERT INTO delivery_events (message_id, type, at, recorded_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (message_id, type, at) DO NOTHING`,
  );
  for (const e of outcome.events) insert.run(messageId, e.type, e.at, now);
}

function settle(db: Db, id: number, outcome: Outcome, now: number): void {
  if (!outcome.failure) {
    stmt(
      db,
      `UPDATE messages SET state = 'delivered', delivery_status = 'delivered', delivered_at = ?,
         next_poll_at = NULL, settled_at = ?, updated_at = ?
       WHERE id = ? AND state = 'accepted'`,
    ).run(deliveredAt(outcome) ?? now, now, now, id);
    return;
  }
  stmt(
    db,
    `UPDATE messages SET state = 'failed', delivery_status = ?, error_code = ?, error_kind = 'permanent',
       error_text = ?, next_poll_at = NULL, settled_at = ?, updated_at = ?
     WHERE id = ? AND state = 'accepted'`,
  ).run(outcome.status, outcome.failure.code, outcome.failure.text, now, now, id);
}

function reschedule(db: Db, row: DueRow, status: string | null, s: Settings, now: number): void {
  const attempts = row.poll_attempts + 1;
  const tooOld = now - row.went_out_at >= s.giveUpAfterMs;
  const next = tooOld ? NEVER : now + delayFor(attempts, s);
  stmt(
    db,
    `UPDATE messages SET poll_attempts = ?, next_poll_at = ?,
       delivery_status = COALESCE(?, delivery_status, ?)
     WHERE id = ? AND state = 'accepted'`,
  ).run(attempts, next, status, tooOld ? 'unknown' : null, row.id);
}

/** Doubling with equal jitter: never sooner than half the step, so polling always slows down. */
export function delayFor(
  attempts: number,
  s: Pick<Settings, 'firstDelayMs' | 'maxDelayMs' | 'random'>,
): number {
  const step = Math.min(s.maxDelayMs, s.firstDelayMs * 2 ** Math.min(attempts - 1, 30));
  return Math.round(step / 2 + (s.random() * step) / 2);
}

function stopPolling(db: Db, rows: DueRow[], now: number): void {
  writeTransaction(db, () => {
    const update = stmt(
      db,
      `UPDATE messages SET next_poll_at = ?, delivery_status = COALESCE(delivery_status, 'unknown'),
         updated_at = ? WHERE id = ? AND state = 'accepted'`,
    );
    for (const r of rows) update.run(NEVER, now, r.id);
  });
}

/** A message never polled is first due `firstDelayMs` after it was accepted. */
function dueMessages(db: Db, s: Settings): DueRow[] {
  return stmt(
    db,
    `SELECT id, account_id, provider_message_id, poll_attempts,
              COALESCE(dispatched_at, updated_at) AS went_out_at
       FROM messages
       WHERE state = 'accepted' AND provider_message_id IS NOT NULL
         AND COALESCE(next_poll_at, updated_at + ?) <= ?
       ORDER BY account_id, id LIMIT ?`,
  ).all(s.firstDelayMs, s.now(), s.limit) as DueRow[];
}

function nextDueAt(db: Db, firstDelayMs: number): number | null {
  const v = stmt(
    db,
    `SELECT MIN(COALESCE(next_poll_at, updated_at + ?)) FROM messages
       WHERE state = 'accepted' AND provider_message_id IS NOT NULL`,
  )
    .pluck()
    .get(firstDelayMs) as number | null;
  return v === null || v >= NEVER ? null : v;
}

export interface StoredDeliveryEvent {
  type: string;
  at: string;
  recordedAt: number;
}

/** Every event recorded for a message, oldest first (the conversation view's ticks). */
export function deliveryEventsOf(db: Db, messageId: number): StoredDeliveryEvent[] {
  return stmt(
    db,
    `SELECT type, at, recorded_at AS recordedAt FROM delivery_events
       WHERE message_id = ? ORDER BY at, id`,
  ).all(messageId) as StoredDeliveryEvent[];
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function definedOnly(o: PollOptions): Partial<typeof DEFAULTS> {
  const out: Partial<typeof DEFAULTS> = {};
  for (const k of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
    const v = o[k];
    if (typeof v === 'number') out[k] = v;
  }
  return out;
}
