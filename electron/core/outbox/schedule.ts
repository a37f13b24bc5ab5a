import type { ScheduleMode } from '../../../shared/domain/message-state';
import type { Db } from '../db/connection';
import { writeTransaction } from '../db/transaction';
import { isProviderError } from '../providers/errors';
import { OutboxControlError } from './control';
import type { AdapterFor } from './reconcile';
import { OUTBOX_CODES } from './states';

/** Rows handed to the provider with a scheduleDate still ahead: only the provider can stop or move them. */
const AT_PROVIDER = `state = 'accepted' AND schedule_mode = 'provider' AND scheduled_for > @now
  AND provider_message_id IS NOT NULL`;

/** A message the provider has not sent yet within this margin is still worth comparing. */
const LIST_MARGIN_MS = 60_000;

interface ScheduledRow {
  id: number;
  accountId: number;
  state: string;
  scheduleMode: ScheduleMode | null;
  scheduledFor: number | null;
  providerId: string | null;
}

function row(db: Db, id: number): ScheduledRow {
  const r = db
    .prepare(
      `SELECT id, account_id AS accountId, state, schedule_mode AS scheduleMode,
         scheduled_for AS scheduledFor, provider_message_id AS providerId
       FROM messages WHERE id = ?`,
    )
    .get(id) as ScheduledRow | undefined;
  if (!r) throw new OutboxControlError(`There is no message ${id} in the outbox.`);
  return r;
}

function atProvider(r: ScheduledRow, now: number): boolean {
  return (
    r.state === 'accepted' &&
    r.scheduleMode === 'provider' &&
    r.scheduledFor !== null &&
    r.scheduledFor > now &&
    r.providerId !== null
  );
}

/** The provider's refusal as the person reads it (it may have gone out meanwhile). */
function providerRefusal(id: number, verb: string, error: unknown): never {
  const why = isProviderError(error) ? error.message : String(error);
  throw new OutboxControlError(`Message ${id} could not be ${verb} at the provider: ${why}`);
}

/**
 * Deletes a message held by the provider for its time (DELETE /api/rest/scheduled)
 * and marks it cancelled. Returns false when the row is not held at the provider
 * (the caller cancels it locally instead).
 */
export async function cancelAtProvider(
  db: Db,
  adapterFor: AdapterFor,
  id: number,
  now = Date.now(),
): Promise<boolean> {
  const r = row(db, id);
  if (!atProvider(r, now)) return false;
  let deleted: number;
  try {
    deleted = await adapterFor(r.accountId).deleteScheduled([r.providerId as string]);
  } catch (error) {
    providerRefusal(id, 'cancelled', error);
  }
  if (deleted === 0) {
    throw new OutboxControlError(
      `Message ${id} is no longer waiting at the provider (it was sent or deleted there); nothing was cancelled.`,
    );
  }
  markCancelled(db, [id], 'Cancelled; deleted from the provider’s scheduled messages.', now);
  return true;
}

/** Every row of a job still held at the provider is deleted there; returns how many. */
export async function cancelJobAtProvider(
  db: Db,
  adapterFor: AdapterFor,
  jobId: number,
  now = Date.now(),
): Promise<number> {
  const rows = db
    .prepare(
      `SELECT id, account_id AS accountId, provider_message_id AS providerId FROM messages
       WHERE job_id = @jobId AND ${AT_PROVIDER}`,
    )
    .all({ jobId, now }) as { id: number; accountId: number; providerId: string }[];
  // A job belongs to one account; the provider takes the guids in chunks.
  const accountId = rows[0]?.accountId;
  if (accountId === undefined) return 0;
  const adapter = adapterFor(accountId);
  for (let i = 0; i < rows.length; i += 100) {
    const chunk = rows.slice(i, i + 100);
    await adapter.deleteScheduled(chunk.map((r) => r.providerId));
    markCancelled(
      db,
      chunk.map((r) => r.id),
      'The bulk job was cancelled; deleted from the provider’s scheduled messages.',
      now,
    );
  }
  return rows.length;
}

function markCancelled(db: Db, ids: number[], text: string, now: number): void {
  db.prepare(
    `UPDATE messages SET state = 'cancelled', error_code = '${OUTBOX_CODES.cancelled}', error_text = @text,
       settled_at = @now, updated_at = @now
     WHERE id IN (SELECT value FROM json_each(@ids)) AND state = 'accepted'`,
  ).run({ ids: JSON.stringify(ids), text, now });
}

export interface RescheduleResult {
  id: number;
  at: number;
  mode: ScheduleMode;
}

/**
 * Moves a scheduled message. Held at the provider: PUT /api/rest/scheduled
 * with its guid. Still in the local queue: its new time is kept here (and,
 * for a provider that schedules, it is handed over with that time).
 */
export async function rescheduleMessage(
  db: Db,
  adapterFor: AdapterFor,
  id: number,
  at: number,
  now = Date.now(),
): Promise<RescheduleResult> {
  if (at <= now) {
    throw new OutboxControlError(
      `The new time ${new Date(at).toISOString()} has passed; give a time in the future.`,
    );
  }
  const r = row(db, id);
  if (atProvider(r, now)) {
    let moved: number;
    try {
      moved = await adapterFor(r.accountId).reschedule(
        [r.providerId as string],
        new Date(at).toISOString(),
      );
    } catch (error) {
      providerRefusal(id, 'rescheduled', error);
    }
    if (moved === 0) {
      throw new OutboxControlError(
        `Message ${id} is no longer waiting at the provider (it was sent or deleted there).`,
      );
    }
    db.prepare('UPDATE messages SET scheduled_for = ?, updated_at = ? WHERE id = ?').run(
      at,
      now,
      id,
    );
    return { id, at, mode: 'provider' };
  }
  return writeTransaction(db, () => {
    const changed = db
      .prepare(
        `UPDATE messages SET scheduled_for = @at, late_by_ms = NULL, updated_at = @now,
           schedule_mode = coalesce(schedule_mode, 'local'),
           not_before = CASE WHEN coalesce(schedule_mode, 'local') = 'local' THEN @at ELSE not_before END
         WHERE id = @id AND state = 'queued'`,
      )
      .run({ id, at, now }).changes;
    if (changed === 0) {
      throw new OutboxControlError(
        `Message ${id} cannot be rescheduled: it is ${r.state === 'accepted' ? 'already sent' : r.state}.`,
      );
    }
    const mode = db.prepare('SELECT schedule_mode FROM messages WHERE id = ?').pluck().get(id);
    return { id, at, mode: mode as ScheduleMode };
  });
}

export interface ScheduleSyncReport {
  checked: number;
  /** Deleted at the provider (e.g. on its dashboard): now cancelled here. */
  cancelled: number;
  /** Moved at the provider: the local time follows. */
  moved: number;
}

/**
 * Compares the messages held at the provider for an account with its list
 * (GET /api/rest/scheduled): one deleted there (its dashboard, another tool)
 * is cancelled here with a sentence, one moved there gets its new time. Rows
 * due within a minute are left alone: they may simply have gone out.
 */
export async function syncProviderSchedules(
  db: Db,
  adapterFor: AdapterFor,
  accountId: number,
  now = Date.now(),
): Promise<ScheduleSyncReport> {
  const rows = db
    .prepare(
      `SELECT id, provider_message_id AS providerId, scheduled_for AS scheduledFor FROM messages
       WHERE account_id = @accountId AND ${AT_PROVIDER} AND scheduled_for > @later`,
    )
    .all({ accountId, now, later: now + LIST_MARGIN_MS }) as {
    id: number;
    providerId: string;
    scheduledFor: number;
  }[];
  const report: ScheduleSyncReport = { checked: rows.length, cancelled: 0, moved: 0 };
  if (rows.length === 0) return report;
  const adapter = adapterFor(accountId);
  if (!adapter.capabilities.scheduledMessages) return report;
  const listed = new Map(
    (await adapter.listScheduled({})).map((m) => [m.guid, Date.parse(m.scheduledAt)]),
  );
  const gone = rows.filter((r) => !listed.has(r.providerId));
  markCancelled(
    db,
    gone.map((r) => r.id),
    'Deleted from the provider’s scheduled messages (for example on its dashboard), so it will not be sent.',
    now,
  );
  report.cancelled = gone.length;
  const move = db.prepare(
    `UPDATE messages SET scheduled_for = ?, updated_at = ? WHERE id = ? AND state = 'accepted'`,
  );
  for (const r of rows) {
    const there = listed.get(r.providerId);
    if (there === undefined || Number.isNaN(there)) continue;
    if (Math.floor(there / 1000) !== Math.floor(r.scheduledFor / 1000)) {
      move.run(there, now, r.id);
      report.moved += 1;
    }
  }
  return report;
}

/** The accounts with messages held at the provider (what a sync pass looks at). */
export function accountsWithProviderSchedules(db: Db, now = Date.now()): number[] {
  return db
    .prepare(`SELECT DISTINCT account_id FROM messages WHERE ${AT_PROVIDER}`)
    .pluck()
    .all({ now }) as number[];
}

/**
 * One comparison pass over every account holding messages at the provider
 * (at start and on each background sync). An account that cannot be reached
 * now is skipped: the next pass tries again.
 */
export async function syncAllProviderSchedules(
  db: Db,
  adapterFor: AdapterFor,
  now = Date.now(),
): Promise<ScheduleSyncReport> {
  const total: ScheduleSyncReport = { checked: 0, cancelled: 0, moved: 0 };
  for (const accountId of accountsWithProviderSchedules(db, now)) {
    try {
      const r = await syncProviderSchedules(db, adapterFor, accountId, now);
      total.checked += r.checked;
      total.cancelled += r.cancelled;
      total.moved += r.moved;
    } catch {
      // Offline, paused or no secret in this process: left for the next pass.
    }
  }
  return total;
}
