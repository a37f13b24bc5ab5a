import type { Contact } from '../../../../shared/domain/contact';
import type { Db } from '../../db/connection';
import { writeTransaction } from '../../db/transaction';
import { eventsOf } from '../../events/sink';
import { invalidRequest, isProviderError, type ProviderError } from '../../providers/errors';
import type { CallOptions, ProviderAdapter } from '../../providers/types';
import { conflictingFields, recordConflict } from './conflicts';
import {
  applyFlat,
  baseFor,
  createInput,
  emptySnapshot,
  type FlatFields,
  flatten,
  isSetKey,
  joinedBooks,
  type NewContact,
  type RemoteSnapshot,
  snapshotOf,
  tagOps,
  toContactInput,
} from './model';
import { OPEN_STATES, type PendingRow } from './pending';
import { BookIds, localBooks, readContact, snapshotOfRow, writeFromRemote } from './store';

export interface PushReport {
  pushed: number;
  conflicts: number;
  /** Refused by the provider for good (e.g. an invalid number); the reason is on the change. */
  failed: number;
  /** Still waiting (the pass stopped early, or more than `limit`). */
  remaining: number;
  /** Why the pass stopped before the end (network, credentials, IP…), or null. */
  stopped: { code: number | string; message: string } | null;
}

export interface PushOptions extends CallOptions {
  now?: () => number;
  /** Most changes pushed in one pass. Default 10 000. */
  limit?: number;
}

/** 'superseded': this process's lease ran out and another took the change over; nothing was written. */
type Outcome = 'pushed' | 'conflict' | 'superseded';

/**
 * Pushes the account's offline contact edits, oldest first. A change that
 * the provider refuses for good is marked failed with its reason and the
 * pass goes on; a network, account or unknown-outcome error stops the pass
 * with the rest still pending, so the order is kept for the next try.
 */
export async function pushPendingChanges(
  db: Db,
  accountId: number,
  adapter: ProviderAdapter,
  options: PushOptions = {},
): Promise<PushReport> {
  const now = options.now ?? Date.now;
  const call = options.signal ? { signal: options.signal } : {};
  const report: PushReport = { pushed: 0, conflicts: 0, failed: 0, remaining: 0, stopped: null };
  const due = db
    .prepare(
      `SELECT * FROM pending_changes WHERE account_id = ?
       AND (state = 'pending' OR (state = 'pushing' AND lease_until < ?))
       AND (hold_until IS NULL OR hold_until <= ?) ORDER BY id LIMIT ?`,
    )
    .all(accountId, now(), now(), options.limit ?? 10_000) as PendingRow[];
  for (const queued of due) {
    options.signal?.throwIfAborted();
    const change = claim(db, queued, now());
    if (!change) continue; // another process (the app or a CLI) took it
    try {
      const outcome = await pushOne(db, adapter, change, now, call);
      if (outcome === 'pushed') report.pushed++;
      else if (outcome === 'conflict') report.conflicts++;
    } catch (error) {
      if (!isProviderError(error)) throw error;
      if (error.kind === 'permanent') {
        if (markFailed(db, change, error, now())) report.failed++;
        continue;
      }
      db.prepare(
        `UPDATE pending_changes SET state = 'pending', lease_until = NULL, error_text = @text, updated_at = @now
         WHERE ${LEASED}`,
      ).run({ ...lease(change), text: error.message, now: now() });
      report.stopped = { code: error.code, message: error.message };
      break;
    }
  }
  report.remaining = Number(
    db
      .prepare(
        `SELECT count(*) FROM pending_changes WHERE account_id = ? AND state IN ('pending', 'pushing')`,
      )
      .pluck()
      .get(accountId),
  );
  return report;
}

/** How long a claimed change belongs to its process; after a crash another may take it. */
const LEASE_MS = 2 * 60_000;

/**
 * The fence on every write after the request, as the outbox's settle has:
 * the change is still 'pushing' at the attempt this process counted when it
 * claimed it. A slow process whose lease ran out, and whose change another
 * process claimed since, writes nothing. (Edits folding in change the patch,
 * never the state or the attempt.)
 */
const LEASED = `id = @id AND state = 'pushing' AND attempts = @attempts`;

function lease(change: PendingRow): { id: number; attempts: number } {
  return { id: change.id, attempts: change.attempts };
}

function stillLeased(db: Db, change: PendingRow): boolean {
  return (
    db.prepare(`SELECT 1 FROM pending_changes WHERE ${LEASED}`).get(lease(change)) !== undefined
  );
}

/** Runs the post-request writes in one transaction, only while the lease is still ours. */
function settleLeased(db: Db, change: PendingRow, outcome: Outcome, write: () => void): Outcome {
  return writeTransaction(db, () => {
    if (!stillLeased(db, change)) return 'superseded';
    write();
    return outcome;
  });
}

/**
 * Takes the change for this process ('pushing' under a lease) and counts the
 * attempt BEFORE the request: two processes never push one change at once,
 * and a crash mid-request leaves attempts > 1 on the retry, which makes a
 * create look for its lost result before making another (pushCreate).
 * Returns the row as it is now (edits may have folded in since), or null.
 */
function claim(db: Db, queued: PendingRow, now: number): PendingRow | null {
  const row = db
    .prepare(
      `UPDATE pending_changes SET state = 'pushing', lease_until = ?, attempts = attempts + 1, updated_at = ?
       WHERE id = ? AND attempts = ? AND (state = 'pending' OR (state = 'pushing' AND lease_until < ?))
       RETURNING *`,
    )
    .get(now + LEASE_MS, now, queued.id, queued.attempts, now) as PendingRow | undefined;
  return row ?? null;
}

function pushOne(
  db: Db,
  adapter: ProviderAdapter,
  change: PendingRow,
  now: () => number,
  call: CallOptions,
): Promise<Outcome> {
  if (change.op === 'create') return pushCreate(db, adapter, change, now, call);
  if (change.op === 'update') return pushUpdate(db, adapter, change, now, call);
  return pushDelete(db, adapter, change, now, call);
}

async function pushCreate(
  db: Db,
  adapter: ProviderAdapter,
  change: PendingRow,
  now: () => number,
  call: CallOptions,
): Promise<Outcome> {
  const wanted = JSON.parse(change.patch) as NewContact;
  // A create whose answer was lost may have happened: look for it before making a second one.
  const earlier = change.attempts > 1 ? await findByPhone(adapter, wanted.phone, call) : null;
  const created = earlier ?? (await adapter.createContact(createInput(wanted), call));
  return settleLeased(db, change, 'pushed', () => {
    markDone(db, change, now());
    const row = change.contact_id === null ? undefined : readContact(db, change.contact_id);
    if (!row) return;
    // A pull may already have brought in the contact a lost answer created: that copy is this one.
    db.prepare(
      `DELETE FROM contacts WHERE account_id = ? AND remote_id = ? AND id <> ?
       AND NOT EXISTS (SELECT 1 FROM pending_changes p WHERE p.contact_id = contacts.id AND p.state IN ${OPEN_STATES})`,
    ).run(row.account_id, created.id, row.id);
    // The answer may omit fields it was given (360nrs returns no custom fields): what was sent is what it holds.
    const snapshot = applyFlat(snapshotOf(created), earlier ? {} : flatten(wanted));
    const later = editsDuringCreate(db, change, snapshot, created.id, now());
    writeFromRemote(
      db,
      new BookIds(db, row.account_id),
      { accountId: row.account_id, contactId: row.id, remoteId: created.id },
      snapshot,
      later,
      now(),
    );
  });
}

/**
 * Edits made while the create was out folded into it after it was sent: they
 * become an update of the new contact, so they are not lost. Returns them.
 */
function editsDuringCreate(
  db: Db,
  sent: PendingRow,
  snapshot: RemoteSnapshot,
  remoteId: string,
  now: number,
): FlatFields {
  const latest = db
    .prepare('SELECT patch FROM pending_changes WHERE id = ?')
    .pluck()
    .get(sent.id) as string | undefined;
  if (latest === undefined || latest === sent.patch) return {};
  const fields = flatten(JSON.parse(latest) as NewContact);
  db.prepare(
    `INSERT INTO pending_changes (account_id, contact_id, remote_id, op, patch, base, created_at, updated_at)
     VALUES (?, ?, ?, 'update', ?, ?, ?, ?)`,
  ).run(
    sent.account_id,
    sent.contact_id,
    remoteId,
    JSON.stringify(fields),
    JSON.stringify(baseFor(snapshot, fields)),
    now,
    now,
  );
  return fields;
}

async function findByPhone(
  adapter: ProviderAdapter,
  phone: string | undefined,
  call: CallOptions,
): Promise<Contact | null> {
  if (!phone || !adapter.capabilities.contactsList) return null;
  const page = await adapter.listContacts({ phone, pageSize: 10 }, call);
  const digits = phone.replace(/\D/g, '');
  return (
    page.items.find((c) => (c.phone ?? '').replace(/\D/g, '').endsWith(digits.slice(-9))) ?? null
  );
}

async function pushUpdate(
  db: Db,
  adapter: ProviderAdapter,
  change: PendingRow,
  now: () => number,
  call: CallOptions,
): Promise<Outcome> {
  const row = change.contact_id === null ? undefined : readContact(db, change.contact_id);
  const remoteId = row?.remote_id ?? change.remote_id;
  if (!row || remoteId === null) {
    return settleLeased(db, change, 'pushed', () => markDone(db, change, now()));
  }
  const current = await currentRemote(db, adapter, row.id, remoteId, call);
  if (current === 'deleted') {
    return settleLeased(db, change, 'conflict', () =>
      recordConflict(db, change, ['deleted'], { deleted: true }, now()),
    );
  }
  const fields = JSON.parse(change.patch) as FlatFields;
  const clashing = conflictingFields(JSON.parse(change.base) as FlatFields, fields, current);
  if (clashing.length > 0) {
    return settleLeased(db, change, 'conflict', () => {
      recordConflict(db, change, clashing, current, now());
      const target = { accountId: row.account_id, contactId: row.id, remoteId };
      writeFromRemote(db, new BookIds(db, row.account_id), target, current, fields, now());
    });
  }
  const updatedAt = await pushFields(db, adapter, remoteId, fields, current, call);
  // Groups joined by name get their ids at the provider: read back what it now holds.
  const after =
    joinedBooks(fields).length > 0 && adapter.capabilities.contactsRead
      ? snapshotOf(await adapter.getContact(remoteId, call))
      : { ...applyFlat(current, fields), updatedAt };
  return settleLeased(db, change, 'pushed', () =>
    settleUpdate(db, change, row.account_id, row.id, remoteId, after, now()),
  );
}

/**
 * The field edits go as one update; tag edits then go through the API's own
 * calls (tags API POST /v1/contacts/{id}/tags/add and /tags/remove, seed 002
 * lines 246, 272), which change only those tags, so tags someone else set in
 * the meantime are kept. Both are safe to repeat after a lost answer.
 */
async function pushFields(
  db: Db,
  adapter: ProviderAdapter,
  remoteId: string,
  fields: FlatFields,
  current: RemoteSnapshot,
  call: CallOptions,
): Promise<string | null> {
  const plain = Object.fromEntries(Object.entries(fields).filter(([k]) => !isSetKey(k)));
  const { add, remove } = tagOps(fields);
  if ((add.length > 0 || remove.length > 0) && !adapter.capabilities.tags) {
    throw invalidRequest(`The ${adapter.provider} API has no contact tags to change.`);
  }
  const groups = groupsAfterJoins(db, adapter, current, joinedBooks(fields));
  let updatedAt = current.updatedAt;
  if (Object.keys(plain).length > 0 || groups !== null) {
    const input = { ...toContactInput(plain, current), ...groups };
    updatedAt = (await adapter.updateContact(remoteId, input, call)).updatedAt;
  }
  if (add.length > 0) await adapter.addTags(remoteId, add, call);
  if (remove.length > 0) await adapter.removeTags(remoteId, remove, call);
  return updatedAt;
}

/**
 * The whole group list a contact is sent with to join books (a 360nrs PUT
 * takes the contact's groups as a list, seed 003 line 3568, and the seed does
 * not say whether it replaces or adds: the whole list is right either way):
 * every group it is in at the provider now, plus the joined ones. By id when each joined
 * book's id is known here, else by name (a group made by this import, which
 * the provider matches or creates by name). null when it is in all of them.
 */
function groupsAfterJoins(
  db: Db,
  adapter: ProviderAdapter,
  current: RemoteSnapshot,
  joins: readonly number[],
): { bookIds: string[] } | { bookNames: string[] } | null {
  if (joins.length === 0) return null;
  if (!adapter.capabilities.severalBooks) {
    throw invalidRequest(`The ${adapter.provider} API keeps a contact in one book only.`);
  }
  const joined = localBooks(db, joins);
  const has = new Set(current.books.map((b) => b.id));
  const missing = joined.filter((b) => b.remote_id === null || !has.has(b.remote_id));
  if (missing.length === 0) return null;
  if (missing.every((b) => b.remote_id !== null)) {
    return { bookIds: [...has, ...missing.map((b) => b.remote_id as string)] };
  }
  return {
    bookNames: [...new Set([...current.books.map((b) => b.name), ...missing.map((b) => b.name)])],
  };
}

/** The provider's version now: read fresh where the API allows, else the last pulled one. */
async function currentRemote(
  db: Db,
  adapter: ProviderAdapter,
  contactId: number,
  remoteId: string,
  call: CallOptions,
): Promise<RemoteSnapshot | 'deleted'> {
  if (!adapter.capabilities.contactsRead) {
    const row = readContact(db, contactId);
    return (row && snapshotOfRow(row)) ?? emptySnapshot();
  }
  try {
    return snapshotOf(await adapter.getContact(remoteId, call));
  } catch (error) {
    if (isProviderError(error) && error.httpStatus === 404) return 'deleted';
    throw error;
  }
}

/**
 * The change is done unless the person edited the contact again while the
 * request was out: then what they added stays pending, re-based on what the
 * provider now holds.
 */
function settleUpdate(
  db: Db,
  pushed: PendingRow,
  accountId: number,
  contactId: number,
  remoteId: string,
  after: RemoteSnapshot,
  now: number,
): void {
  const latest = db.prepare('SELECT * FROM pending_changes WHERE id = ?').get(pushed.id) as
    | PendingRow
    | undefined;
  const edited =
    latest !== undefined && latest.patch !== pushed.patch && latest.state === 'pushing';
  const overlay = edited ? (JSON.parse(latest.patch) as FlatFields) : {};
  if (edited) {
    db.prepare(
      `UPDATE pending_changes SET base = ?, state = 'pending', lease_until = NULL, updated_at = ? WHERE id = ?`,
    ).run(JSON.stringify(baseFor(after, overlay)), now, pushed.id);
  } else {
    markDone(db, pushed, now);
  }
  writeFromRemote(
    db,
    new BookIds(db, accountId),
    { accountId, contactId, remoteId },
    after,
    overlay,
    now,
  );
}

async function pushDelete(
  db: Db,
  adapter: ProviderAdapter,
  change: PendingRow,
  now: () => number,
  call: CallOptions,
): Promise<Outcome> {
  if (change.remote_id !== null) {
    try {
      await adapter.deleteContact(change.remote_id, call);
    } catch (error) {
      // Already gone is what we wanted.
      if (!(isProviderError(error) && error.httpStatus === 404)) throw error;
    }
  }
  return settleLeased(db, change, 'pushed', () => markDone(db, change, now()));
}

function markDone(db: Db, change: PendingRow, now: number): void {
  db.prepare(
    `UPDATE pending_changes SET state = 'done', lease_until = NULL, error_text = NULL, updated_at = @now
     WHERE ${LEASED}`,
  ).run({ ...lease(change), now });
}

function markFailed(db: Db, change: PendingRow, error: ProviderError, now: number): boolean {
  return (
    db
      .prepare(
        `UPDATE pending_changes SET state = 'failed', lease_until = NULL, error_text = @text, updated_at = @now
     WHERE ${LEASED}`,
      )
      .run({ ...lease(change), text: error.message, now }).changes > 0
  );
}

/** Puts a failed change back in the queue (after the person fixed the contact). */
export function retryChange(db: Db, changeId: number, now = Date.now()): boolean {
  eventsOf(db).contactsChanged(null);
  return (
    db
      .prepare(
        `UPDATE pending_changes SET state = 'pending', error_text = NULL, updated_at = ? WHERE id = ? AND state = 'failed'`,
      )
      .run(now, changeId).changes > 0
  );
}
