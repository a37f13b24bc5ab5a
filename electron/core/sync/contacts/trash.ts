import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection';
import { writeTransaction } from '../../db/transaction';
import { eventsOf } from '../../events/sink';
import { deleteContactOffline } from './edit';
import type { NewContact, RemoteSnapshot } from './model';
import { OPEN_STATES, type PendingState } from './pending';
import type { ContactRow } from './store';

/**
 * Deletes that can be undone. A delete takes effect at once (the contact
 * leaves lists, search and counts) and asks nothing; what it removed is kept
 * here so Undo can put it back exactly. Its pending delete is held for the
 * Undo window (`hold_until`), so the sync loop cannot push it while the person
 * may still change their mind. Undo after the delete reached the provider
 * still restores: the contact is created again there.
 */

/** A little longer than the Undo the UI offers, so a click at its last moment never races a push. */
export const UNDO_HOLD_MS = 12_000;
/** Kept this long for Undo, then dropped at the next delete (nothing grows with time). */
const KEEP_MS = 60 * 60_000;

interface Trashed {
  row: ContactRow & { updated_at: string; pulled_at: number | null };
  tags: string[];
  bookIds: number[];
  superseded: { id: number; state: PendingState }[];
}

export interface DeleteResult {
  undoToken: string;
  deleted: number;
}

export function deleteContacts(
  db: Db,
  contactIds: readonly number[],
  now = Date.now(),
  holdMs = UNDO_HOLD_MS,
): DeleteResult {
  const undoToken = randomUUID();
  let deleted = 0;
  writeTransaction(db, () => {
    db.prepare('DELETE FROM contact_trash WHERE deleted_at < ?').run(now - KEEP_MS);
    const keep = db.prepare(
      `INSERT INTO contact_trash (undo_token, account_id, contact, delete_change_id, superseded, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (const id of new Set(contactIds)) {
      const trashed = capture(db, id);
      if (!trashed) continue;
      const changeId = deleteContactOffline(db, id, now, now + holdMs);
      keep.run(
        undoToken,
        trashed.row.account_id,
        JSON.stringify({ row: trashed.row, tags: trashed.tags, bookIds: trashed.bookIds }),
        changeId,
        JSON.stringify(trashed.superseded),
        now,
      );
      deleted++;
    }
  });
  return { undoToken, deleted };
}

function capture(db: Db, id: number): Trashed | undefined {
  const row = db.prepare('SELECT * FROM contacts WHERE id = ?').get(id) as
    | Trashed['row']
    | undefined;
  if (!row) return undefined;
  return {
    row,
    tags: db
      .prepare('SELECT tag FROM contact_tags WHERE contact_id = ?')
      .pluck()
      .all(id) as string[],
    bookIds: db
      .prepare('SELECT book_id FROM contact_book_members WHERE contact_id = ?')
      .pluck()
      .all(id) as number[],
    superseded: db
      .prepare(
        `SELECT id, state FROM pending_changes WHERE contact_id = ? AND state IN ${OPEN_STATES}`,
      )
      .all(id) as Trashed['superseded'],
  };
}

interface TrashRow {
  id: number;
  account_id: number;
  contact: string;
  delete_change_id: number | null;
  superseded: string;
}

/**
 * Puts back what one delete removed; returns the contacts' ids (the same ones
 * where still free), none when it was already undone or is too old.
 */
export function undoDelete(db: Db, undoToken: string, now = Date.now()): number[] {
  return writeTransaction(db, () => {
    const rows = db
      .prepare('SELECT * FROM contact_trash WHERE undo_token = ? ORDER BY id')
      .all(undoToken) as TrashRow[];
    // Already undone, or older than the hour kept: nothing to put back.
    if (rows.length === 0) return [];
    const restored = rows.flatMap((r) => restoreOne(db, r, now));
    db.prepare('DELETE FROM contact_trash WHERE undo_token = ?').run(undoToken);
    for (const accountId of new Set(rows.map((r) => r.account_id))) {
      eventsOf(db).contactsChanged(accountId);
    }
    return restored;
  });
}

function restoreOne(db: Db, trash: TrashRow, now: number): number[] {
  const { row, tags, bookIds } = JSON.parse(trash.contact) as Omit<Trashed, 'superseded'>;
  const superseded = JSON.parse(trash.superseded) as Trashed['superseded'];
  const del =
    trash.delete_change_id === null
      ? undefined
      : (db
          .prepare('SELECT state FROM pending_changes WHERE id = ?')
          .pluck()
          .get(trash.delete_change_id) as PendingState | undefined);
  // Not sent (or refused for good): the provider still has it, so the delete is simply dropped.
  const stillAtProvider = del === undefined || del === 'pending' || del === 'failed';
  if (trash.delete_change_id !== null && stillAtProvider) {
    db.prepare(
      `UPDATE pending_changes SET state = 'done', error_text = 'Undone.', hold_until = NULL, updated_at = ?
       WHERE id = ?`,
    ).run(now, trash.delete_change_id);
  }
  if (
    stillAtProvider &&
    row.remote_id !== null &&
    db
      .prepare('SELECT 1 FROM contacts WHERE account_id = ? AND remote_id = ?')
      .get(row.account_id, row.remote_id) !== undefined
  ) {
    return []; // a pull already brought it back
  }
  const id = reinsert(db, row, stillAtProvider, now);
  const tag = db.prepare('INSERT OR IGNORE INTO contact_tags (contact_id, tag) VALUES (?, ?)');
  for (const t of tags) tag.run(id, t);
  const member = db.prepare(
    `INSERT OR IGNORE INTO contact_book_members (book_id, contact_id)
     SELECT id, ? FROM contact_books WHERE id = ?`,
  );
  for (const b of bookIds) member.run(id, b);
  if (stillAtProvider) {
    // The edits it superseded wait again (a conflict among them is found again at the next push).
    const reopen = db.prepare(
      `UPDATE pending_changes SET state = 'pending', contact_id = ?, error_text = NULL, updated_at = ?
       WHERE id = ? AND state = 'done'`,
    );
    for (const c of superseded) reopen.run(id, now, c.id);
  } else {
    recreateAtProvider(db, id, row, tags, now);
  }
  return [id];
}

function reinsert(db: Db, row: Trashed['row'], linked: boolean, now: number): number {
  const free = db.prepare('SELECT 1 FROM contacts WHERE id = ?').get(row.id) === undefined;
  return db
    .prepare(
      `INSERT INTO contacts (id, account_id, remote_id, phone, first_name, last_name, email, custom_fields,
         updated_at, remote_snapshot, pulled_at, has_conflict)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) RETURNING id`,
    )
    .pluck()
    .get(
      free ? row.id : null,
      row.account_id,
      linked ? row.remote_id : null,
      row.phone,
      row.first_name,
      row.last_name,
      row.email,
      row.custom_fields,
      new Date(now).toISOString(),
      linked ? row.remote_snapshot : null,
      linked ? row.pulled_at : null,
    ) as number;
}

/** The provider deleted it already: it is created again with everything the person saw. */
function recreateAtProvider(
  db: Db,
  id: number,
  row: Trashed['row'],
  tags: string[],
  now: number,
): void {
  const snapshot = row.remote_snapshot ? (JSON.parse(row.remote_snapshot) as RemoteSnapshot) : null;
  const books = db
    .prepare(
      `SELECT b.remote_id FROM contact_books b JOIN contact_book_members m ON m.book_id = b.id
       WHERE m.contact_id = ? AND b.remote_id IS NOT NULL`,
    )
    .pluck()
    .all(id) as string[];
  const create: NewContact = {
    phone: row.phone,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    customFields: JSON.parse(row.custom_fields) as NewContact['customFields'] & object,
    ...(snapshot?.countryIso ? { countryIso: snapshot.countryIso } : {}),
    ...(books.length > 0 ? { bookIds: books } : {}),
    ...(tags.length > 0 ? { tags } : {}),
  };
  db.prepare(
    `INSERT INTO pending_changes (account_id, contact_id, op, patch, created_at, updated_at)
     VALUES (?, ?, 'create', ?, ?, ?)`,
  ).run(row.account_id, id, JSON.stringify(create), now, now);
}
