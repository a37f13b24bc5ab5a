import type { Db } from '../../db/connection';
import { writeTransaction } from '../../db/transaction';
import { eventsOf } from '../../events/sink';
import {
  baseFor,
  type ContactPatch,
  type FlatFields,
  flatten,
  type NewContact,
  withTagOps,
} from './model';
import { OPEN_STATES, openChangeOf, type PendingRow } from './pending';
import { checkContactPatch, checkNewContact } from './provider-rules';
import { type LocalBook, localBooks, readContact, snapshotOfRow, writeLocalFields } from './store';

/**
 * Offline edits. Each one changes the local row at once (lists and search
 * show it) and records a pending change, in one transaction. Several edits of
 * one contact fold into its one open change: the last value of each field
 * wins, and the base (what the provider had) stays that of the FIRST edit,
 * which is what the provider's current value must be compared with.
 */
export function editContact(
  db: Db,
  contactId: number,
  wanted: ContactPatch,
  now = Date.now(),
): void {
  if (Object.keys(flatten(wanted)).length === 0) return;
  writeTransaction(db, () => {
    const row = readContact(db, contactId);
    if (!row) throw new Error('That contact no longer exists.');
    const patch = checkContactPatch(db, row.account_id, wanted);
    const fields = flatten(patch);
    writeLocalFields(db, row, fields, now);
    eventsOf(db).contactsChanged(row.account_id);
    const open = openChangeOf(db, contactId);
    if (open?.op === 'create') {
      foldIntoCreate(db, open, patch, now);
      return;
    }
    if (open) {
      const had = JSON.parse(open.patch) as FlatFields;
      const base = JSON.parse(open.base) as FlatFields;
      const newBase = baseFor(snapshotOfRow(row), fields);
      for (const k of Object.keys(newBase)) if (!(k in base)) base[k] = newBase[k] ?? null;
      db.prepare(
        `UPDATE pending_changes SET patch = ?, base = ?, updated_at = ?,
           state = CASE state WHEN 'failed' THEN 'pending' ELSE state END,
           error_text = CASE state WHEN 'failed' THEN NULL ELSE error_text END
         WHERE id = ?`,
      ).run(JSON.stringify({ ...had, ...fields }), JSON.stringify(base), now, open.id);
      return;
    }
    db.prepare(
      `INSERT INTO pending_changes (account_id, contact_id, remote_id, op, patch, base, created_at, updated_at)
       VALUES (?, ?, ?, 'update', ?, ?, ?, ?)`,
    ).run(
      row.account_id,
      row.id,
      row.remote_id,
      JSON.stringify(fields),
      JSON.stringify(baseFor(snapshotOfRow(row), fields)),
      now,
      now,
    );
  });
}

/**
 * A contact not yet at the provider joins a book by being created in it: by
 * the groups' ids when every one is known here, else by their names (the API
 * takes one list or the other, and creates a group it does not know by name).
 */
function createdInBooks(
  db: Db,
  accountId: number,
  had: NewContact,
  joins: readonly number[],
): { bookIds: string[] } | { bookNames: string[] } | null {
  if (joins.length === 0) return null;
  const byRemote = db.prepare(
    'SELECT remote_id, name FROM contact_books WHERE account_id = ? AND remote_id = ?',
  );
  const books: LocalBook[] = [
    ...(had.bookIds ?? []).map(
      (id) => (byRemote.get(accountId, id) as LocalBook | undefined) ?? { remote_id: id, name: id },
    ),
    ...(had.bookNames ?? []).map((name) => ({ remote_id: null, name })),
    ...localBooks(db, joins),
  ];
  if (books.every((b) => b.remote_id !== null)) {
    return { bookIds: [...new Set(books.map((b) => b.remote_id as string))] };
  }
  return { bookNames: [...new Set(books.map((b) => b.name))] };
}

function foldIntoCreate(db: Db, open: PendingRow, patch: ContactPatch, now: number): void {
  const had = JSON.parse(open.patch) as NewContact;
  const { addTags, removeTags, joinBooks, ...fields } = patch;
  const tagEdits = flatten({
    ...(addTags ? { addTags } : {}),
    ...(removeTags ? { removeTags } : {}),
  });
  const merged: NewContact = {
    ...had,
    ...fields,
    ...(patch.customFields || had.customFields
      ? { customFields: { ...had.customFields, ...patch.customFields } }
      : {}),
    // Not at the provider yet: the tags simply go with the create.
    ...(addTags || removeTags ? { tags: withTagOps(had.tags ?? [], tagEdits) } : {}),
  };
  const books = createdInBooks(db, open.account_id, had, joinBooks ?? []);
  if (books) {
    delete merged.bookIds;
    delete merged.bookNames;
    Object.assign(merged, books);
  }
  db.prepare(
    `UPDATE pending_changes SET patch = ?, updated_at = ?,
       state = CASE state WHEN 'failed' THEN 'pending' ELSE state END,
       error_text = CASE state WHEN 'failed' THEN NULL ELSE error_text END
     WHERE id = ?`,
  ).run(JSON.stringify(merged), now, open.id);
}

/** A contact made offline: it exists locally at once and is created at the provider on push. */
export function createContactOffline(
  db: Db,
  accountId: number,
  wanted: NewContact,
  now = Date.now(),
): number {
  return writeTransaction(db, () => {
    const input = checkNewContact(db, accountId, wanted);
    const id = db
      .prepare(
        `INSERT INTO contacts (account_id, phone, first_name, last_name, email, custom_fields, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .pluck()
      .get(
        accountId,
        input.phone ?? '',
        input.firstName ?? '',
        input.lastName ?? '',
        input.email ?? '',
        JSON.stringify(input.customFields ?? {}),
        new Date(now).toISOString(),
      ) as number;
    const tag = db.prepare('INSERT OR IGNORE INTO contact_tags (contact_id, tag) VALUES (?, ?)');
    for (const t of input.tags ?? []) tag.run(id, t);
    db.prepare(
      `INSERT INTO pending_changes (account_id, contact_id, op, patch, created_at, updated_at)
       VALUES (?, ?, 'create', ?, ?, ?)`,
    ).run(accountId, id, JSON.stringify(input), now, now);
    eventsOf(db).contactsChanged(accountId);
    return id;
  });
}

/**
 * Removes the contact locally at once. One that never reached the provider
 * just disappears with its pending create; otherwise a pending delete
 * remembers its remote id. `holdUntil` keeps that delete from being pushed
 * before then (the Undo window, see trash.ts). Returns the delete's change id,
 * or null when nothing needs telling to the provider.
 */
export function deleteContactOffline(
  db: Db,
  contactId: number,
  now = Date.now(),
  holdUntil: number | null = null,
): number | null {
  return writeTransaction(db, () => {
    const row = readContact(db, contactId);
    if (!row) return null;
    db.prepare(
      `UPDATE pending_changes SET state = 'done', error_text = 'Superseded by a delete.', updated_at = ?
       WHERE contact_id = ? AND state IN ${OPEN_STATES}`,
    ).run(now, contactId);
    db.prepare(
      `UPDATE contact_conflicts SET resolved_at = ?, resolution = 'local'
       WHERE contact_id = ? AND resolved_at IS NULL`,
    ).run(now, contactId);
    let changeId: number | null = null;
    if (row.remote_id !== null) {
      changeId = db
        .prepare(
          `INSERT INTO pending_changes (account_id, contact_id, remote_id, op, hold_until, created_at, updated_at)
           VALUES (?, NULL, ?, 'delete', ?, ?, ?) RETURNING id`,
        )
        .pluck()
        .get(row.account_id, row.remote_id, holdUntil, now, now) as number;
    }
    db.prepare('DELETE FROM contacts WHERE id = ?').run(contactId);
    eventsOf(db).contactsChanged(row.account_id);
    return changeId;
  });
}
