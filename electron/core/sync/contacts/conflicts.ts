/**
 * CONFLICT RULE (contact sync)
 *
 * A conflict is decided field by field, three ways:
 *   base   = the provider's value of a field when the person edited it offline
 *            (kept with the pending change),
 *   local  = the person's value,
 *   remote = the provider's value now (read again just before pushing, and
 *            seen on every pull).
 * For each field the person changed:
 *   - remote equals base   -> nobody else touched it: the person's value is pushed;
 *   - remote equals local  -> both sides agree: nothing to decide;
 *   - otherwise            -> both changed it differently: a CONFLICT.
 * Fields only the provider changed are simply taken from the provider.
 * A contact deleted at the provider while the person edited it is a conflict
 * too (its remote version is `{ "deleted": true }`).
 *
 * A conflict is never resolved silently and nothing is lost: the contact's
 * change is not pushed, both full versions are stored in `contact_conflicts`,
 * the contact is flagged (`has_conflict`) and keeps showing the person's
 * values, and the pending change waits in state 'conflict' (later edits of
 * the contact fold into it). The person then chooses:
 *   'local'  -> the person's values are pushed over the provider's
 *               (re-created if the provider had deleted the contact);
 *   'remote' -> the edit is dropped and the provider's version is shown.
 * Changes of other contacts keep flowing while one contact is in conflict.
 */
import type { Db } from '../../db/connection';
import { writeTransaction } from '../../db/transaction';
import { eventsOf } from '../../events/sink';
import {
  type FlatFields,
  isSetKey,
  type NewContact,
  type RemoteSnapshot,
  sameValue,
  valueIn,
} from './model';
import type { PendingRow } from './pending';
import {
  BookIds,
  type LocalVersion,
  localVersion,
  readContact,
  snapshotOfRow,
  writeFromRemote,
} from './store';

export type RemoteVersion = RemoteSnapshot | { deleted: true };

export function isDeleted(v: RemoteVersion): v is { deleted: true } {
  return 'deleted' in v;
}

/** The fields both sides changed to different values (empty = no conflict). */
export function conflictingFields(
  base: FlatFields,
  local: FlatFields,
  remote: RemoteSnapshot,
): string[] {
  return Object.keys(local).filter((k) => {
    if (isSetKey(k)) return false;
    const r = valueIn(remote, k);
    return !sameValue(r, base[k] ?? null) && !sameValue(r, local[k] ?? null);
  });
}

export interface ContactConflict {
  id: number;
  contactId: number | null;
  changeId: number | null;
  fields: string[];
  local: LocalVersion;
  remote: RemoteVersion;
  detectedAt: number;
}

interface ConflictRow {
  id: number;
  contact_id: number | null;
  change_id: number | null;
  fields: string;
  local_version: string;
  remote_version: string;
  detected_at: number;
}

/**
 * Records a conflict for a pending change (inside the caller's transaction).
 * A change already in conflict gets its open record refreshed rather than a
 * second one, so repeated pulls do not pile up copies.
 */
export function recordConflict(
  db: Db,
  change: PendingRow,
  fields: string[],
  remote: RemoteVersion,
  now: number,
): void {
  const row = change.contact_id === null ? undefined : readContact(db, change.contact_id);
  const local = row ? localVersion(row) : {};
  const open = db
    .prepare('SELECT id FROM contact_conflicts WHERE change_id = ? AND resolved_at IS NULL')
    .pluck()
    .get(change.id) as number | undefined;
  if (open !== undefined) {
    db.prepare(
      'UPDATE contact_conflicts SET fields = ?, local_version = ?, remote_version = ?, detected_at = ? WHERE id = ?',
    ).run(JSON.stringify(fields), JSON.stringify(local), JSON.stringify(remote), now, open);
  } else {
    db.prepare(
      `INSERT INTO contact_conflicts (contact_id, change_id, fields, local_version, remote_version, detected_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(
      change.contact_id,
      change.id,
      JSON.stringify(fields),
      JSON.stringify(local),
      JSON.stringify(remote),
      now,
    );
  }
  db.prepare(
    `UPDATE pending_changes SET state = 'conflict', lease_until = NULL, error_text = ?, updated_at = ? WHERE id = ?`,
  ).run(conflictSentence(fields), now, change.id);
  if (change.contact_id !== null) {
    db.prepare('UPDATE contacts SET has_conflict = 1 WHERE id = ?').run(change.contact_id);
  }
}

function conflictSentence(fields: string[]): string {
  if (fields.includes('deleted')) {
    return 'The contact was deleted at the provider while you edited it here; choose which version to keep.';
  }
  const names = fields.map((f) => f.replace(/^custom:/, ''));
  return `The contact was changed at the provider too (${names.join(', ')}); choose which version to keep.`;
}

export function listConflicts(db: Db, accountId: number): ContactConflict[] {
  const rows = db
    .prepare(
      `SELECT k.* FROM contact_conflicts k JOIN pending_changes p ON p.id = k.change_id
       WHERE p.account_id = ? AND k.resolved_at IS NULL ORDER BY k.id`,
    )
    .all(accountId) as ConflictRow[];
  return rows.map((r) => ({
    id: r.id,
    contactId: r.contact_id,
    changeId: r.change_id,
    fields: JSON.parse(r.fields) as string[],
    local: JSON.parse(r.local_version) as LocalVersion,
    remote: JSON.parse(r.remote_version) as RemoteVersion,
    detectedAt: r.detected_at,
  }));
}

/** Applies the person's choice (see the rule at the top of this file). */
export function resolveConflict(
  db: Db,
  conflictId: number,
  keep: 'local' | 'remote',
  now = Date.now(),
): void {
  writeTransaction(db, () => {
    const k = db
      .prepare('SELECT * FROM contact_conflicts WHERE id = ? AND resolved_at IS NULL')
      .get(conflictId) as ConflictRow | undefined;
    if (!k) throw new Error('That conflict does not exist or was already resolved.');
    const change = db.prepare('SELECT * FROM pending_changes WHERE id = ?').get(k.change_id) as
      | PendingRow
      | undefined;
    const remote = JSON.parse(k.remote_version) as RemoteVersion;
    if (change) {
      if (keep === 'local') keepLocal(db, change, remote, now);
      else keepRemote(db, change, remote, now);
    }
    db.prepare('UPDATE contact_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?').run(
      now,
      keep,
      k.id,
    );
    if (k.contact_id !== null) {
      db.prepare('UPDATE contacts SET has_conflict = 0 WHERE id = ?').run(k.contact_id);
    }
    eventsOf(db).contactsChanged(change?.account_id ?? null);
  });
}

/** The person's values win: re-based on the remote version, so the next push goes through. */
function keepLocal(db: Db, change: PendingRow, remote: RemoteVersion, now: number): void {
  const row = change.contact_id === null ? undefined : readContact(db, change.contact_id);
  if (isDeleted(remote)) {
    // Re-create it with everything the person sees, in the books it was in.
    const local = row ? localVersion(row) : null;
    const books = row
      ? (db
          .prepare(
            `SELECT b.remote_id FROM contact_books b JOIN contact_book_members m ON m.book_id = b.id
             WHERE m.contact_id = ? AND b.remote_id IS NOT NULL`,
          )
          .pluck()
          .all(row.id) as string[])
      : [];
    const snapshot = row ? snapshotOfRow(row) : null;
    const create: NewContact = {
      ...(local ?? {}),
      ...(snapshot?.countryIso ? { countryIso: snapshot.countryIso } : {}),
      ...(books.length > 0 ? { bookIds: books } : {}),
    };
    db.prepare(
      `UPDATE pending_changes SET op = 'create', remote_id = NULL, patch = ?, base = '{}', state = 'pending',
         error_text = NULL, updated_at = ? WHERE id = ?`,
    ).run(JSON.stringify(create), now, change.id);
    if (row)
      db.prepare('UPDATE contacts SET remote_id = NULL, remote_snapshot = NULL WHERE id = ?').run(
        row.id,
      );
    return;
  }
  const fields = JSON.parse(change.patch) as FlatFields;
  const base: FlatFields = {};
  for (const key of Object.keys(fields)) base[key] = valueIn(remote, key);
  db.prepare(
    `UPDATE pending_changes SET base = ?, state = 'pending', error_text = NULL, updated_at = ? WHERE id = ?`,
  ).run(JSON.stringify(base), now, change.id);
}

/** The provider's version wins: the edit is dropped and the row shows the provider's values. */
function keepRemote(db: Db, change: PendingRow, remote: RemoteVersion, now: number): void {
  db.prepare(
    `UPDATE pending_changes SET state = 'done', error_text = 'Discarded: the provider''s version was kept.',
       updated_at = ? WHERE id = ?`,
  ).run(now, change.id);
  if (change.contact_id === null) return;
  if (isDeleted(remote)) {
    db.prepare('DELETE FROM contacts WHERE id = ?').run(change.contact_id);
    return;
  }
  const row = readContact(db, change.contact_id);
  if (!row || row.remote_id === null) return;
  writeFromRemote(
    db,
    new BookIds(db, row.account_id),
    { accountId: row.account_id, contactId: row.id, remoteId: row.remote_id },
    remote,
    {},
    now,
  );
}
