import type { ContactBook } from '../../../../shared/domain/contact';
import type { Db } from '../../db/connection';
import { prepareOnce } from '../../db/statements';
import {
  applyFlat,
  type FieldValue,
  type FlatFields,
  joinedBooks,
  type RemoteSnapshot,
  tagOps,
  withTagOps,
} from './model';

export interface ContactRow {
  id: number;
  account_id: number;
  remote_id: string | null;
  phone: string;
  first_name: string;
  last_name: string;
  email: string;
  custom_fields: string;
  remote_snapshot: string | null;
  has_conflict: number;
}

/** The person-visible fields of a local row, as kept in a conflict's "local version". */
export interface LocalVersion {
  phone: string;
  email: string;
  firstName: string;
  lastName: string;
  customFields: Record<string, FieldValue>;
}

export function readContact(db: Db, id: number): ContactRow | undefined {
  return prepareOnce(db, 'SELECT * FROM contacts WHERE id = ?').get(id) as ContactRow | undefined;
}

export function snapshotOfRow(row: ContactRow): RemoteSnapshot | null {
  return row.remote_snapshot === null ? null : (JSON.parse(row.remote_snapshot) as RemoteSnapshot);
}

export function localVersion(row: ContactRow): LocalVersion {
  return {
    phone: row.phone,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    customFields: JSON.parse(row.custom_fields) as Record<string, FieldValue>,
  };
}

/** Row columns for a snapshot with the person's unpushed values laid over it. */
function columns(snapshot: RemoteSnapshot, overlay: FlatFields) {
  const view = applyFlat(snapshot, overlay);
  const custom: Record<string, FieldValue> = {};
  for (const [k, f] of Object.entries(view.customFields)) custom[k] = f.value;
  return {
    phone: view.phone ?? '',
    first_name: view.firstName ?? '',
    last_name: view.lastName ?? '',
    email: view.email ?? '',
    custom_fields: JSON.stringify(custom),
  };
}

/** Caches contact_books ids for one account during a sync. */
export class BookIds {
  private readonly cache = new Map<string, number>();
  constructor(
    private readonly db: Db,
    private readonly accountId: number,
  ) {}

  idFor(book: ContactBook): number {
    const hit = this.cache.get(book.id);
    if (hit !== undefined) return hit;
    const id =
      this.adoptNamed(book) ??
      (prepareOnce(
        this.db,
        `INSERT INTO contact_books (account_id, remote_id, name) VALUES (?, ?, ?)
         ON CONFLICT (account_id, remote_id) DO UPDATE SET name = excluded.name
         RETURNING id`,
      )
        .pluck()
        .get(this.accountId, book.id, book.name) as number);
    this.cache.set(book.id, id);
    return id;
  }

  /**
   * A book made here by name (a CSV import into a new 360nrs group) has no
   * provider id until the provider's copy is read: that first read gives the
   * local row its id, rather than leaving an empty twin in the sidebar.
   */
  private adoptNamed(book: ContactBook): number | undefined {
    const known = prepareOnce(
      this.db,
      'SELECT 1 FROM contact_books WHERE account_id = ? AND remote_id = ?',
    ).get(this.accountId, book.id);
    if (known) return undefined;
    return prepareOnce(
      this.db,
      `UPDATE contact_books SET remote_id = ?, name = ?
       WHERE id = (SELECT id FROM contact_books
                   WHERE account_id = ? AND remote_id IS NULL AND name = ? COLLATE NOCASE
                   ORDER BY id LIMIT 1)
       RETURNING id`,
    )
      .pluck()
      .get(book.id, book.name, this.accountId, book.name) as number | undefined;
  }
}

/**
 * Inserts or rewrites a contact from the provider's version. `overlay` holds
 * the person's unpushed values, which stay visible until they are pushed.
 */
export function writeFromRemote(
  db: Db,
  books: BookIds,
  target: { accountId: number; contactId: number | null; remoteId: string },
  snapshot: RemoteSnapshot,
  overlay: FlatFields,
  now: number,
): number {
  const c = columns(snapshot, overlay);
  const json = JSON.stringify(snapshot);
  const stamp = new Date(now).toISOString();
  let id = target.contactId;
  if (id === null) {
    id = prepareOnce(
      db,
      `INSERT INTO contacts (account_id, remote_id, phone, first_name, last_name, email, custom_fields,
           updated_at, remote_snapshot, pulled_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
      .pluck()
      .get(
        target.accountId,
        target.remoteId,
        c.phone,
        c.first_name,
        c.last_name,
        c.email,
        c.custom_fields,
        stamp,
        json,
        now,
      ) as number;
  } else {
    prepareOnce(
      db,
      `UPDATE contacts SET remote_id = ?, phone = ?, first_name = ?, last_name = ?, email = ?,
         custom_fields = ?, updated_at = ?, remote_snapshot = ?, pulled_at = ?
       WHERE id = ?`,
    ).run(
      target.remoteId,
      c.phone,
      c.first_name,
      c.last_name,
      c.email,
      c.custom_fields,
      stamp,
      json,
      now,
      id,
    );
    prepareOnce(db, 'DELETE FROM contact_tags WHERE contact_id = ?').run(id);
    prepareOnce(db, 'DELETE FROM contact_book_members WHERE contact_id = ?').run(id);
  }
  const tag = prepareOnce(db, 'INSERT OR IGNORE INTO contact_tags (contact_id, tag) VALUES (?, ?)');
  // The person's unpushed tag edits stay visible, like their other values.
  for (const t of withTagOps(snapshot.tags, overlay)) tag.run(id, t);
  const member = prepareOnce(
    db,
    'INSERT OR IGNORE INTO contact_book_members (book_id, contact_id) VALUES (?, ?)',
  );
  for (const b of snapshot.books) member.run(books.idFor(b), id);
  // …and so do the books it is to join.
  joinLocally(db, id, joinedBooks(overlay));
  return id;
}

/** A local book as a group list names it: its provider id (null until read back) and name. */
export interface LocalBook {
  remote_id: string | null;
  name: string;
}

/** The local books with these ids (one that no longer exists is left out). */
export function localBooks(db: Db, ids: readonly number[]): LocalBook[] {
  const book = prepareOnce(db, 'SELECT remote_id, name FROM contact_books WHERE id = ?');
  return ids.flatMap((id) => (book.get(id) as LocalBook | undefined) ?? []);
}

/** Shows the contact in these local books (a book deleted meanwhile is passed over). */
function joinLocally(db: Db, contactId: number, bookIds: readonly number[]): void {
  const join = prepareOnce(
    db,
    `INSERT OR IGNORE INTO contact_book_members (book_id, contact_id)
     SELECT id, ? FROM contact_books WHERE id = ?`,
  );
  for (const b of bookIds) join.run(contactId, b);
}

/** The contact shows in its new book at once (named as the account's book list names it). */
function moveLocally(db: Db, row: ContactRow, bookId: string): void {
  const name =
    (prepareOnce(db, 'SELECT name FROM account_books WHERE account_id = ? AND book_id = ?')
      .pluck()
      .get(row.account_id, bookId) as string | undefined) ?? bookId;
  prepareOnce(db, 'DELETE FROM contact_book_members WHERE contact_id = ?').run(row.id);
  const book = new BookIds(db, row.account_id).idFor({ id: bookId, name });
  prepareOnce(
    db,
    'INSERT OR IGNORE INTO contact_book_members (book_id, contact_id) VALUES (?, ?)',
  ).run(book, row.id);
}

/** Applies a person's edit to the local row (search sees it at once). */
export function writeLocalFields(db: Db, row: ContactRow, fields: FlatFields, now: number): void {
  const current = localVersion(row);
  const next = { ...current, customFields: { ...current.customFields } };
  for (const [k, v] of Object.entries(fields)) {
    if (k.startsWith('custom:')) next.customFields[k.slice('custom:'.length)] = v;
    else if (k === 'phone' || k === 'email' || k === 'firstName' || k === 'lastName')
      next[k] = v === null ? '' : String(v);
    else if (k === 'bookId' && v !== null) moveLocally(db, row, String(v));
  }
  prepareOnce(
    db,
    `UPDATE contacts SET phone = ?, first_name = ?, last_name = ?, email = ?, custom_fields = ?, updated_at = ?
     WHERE id = ?`,
  ).run(
    next.phone,
    next.firstName,
    next.lastName,
    next.email,
    JSON.stringify(next.customFields),
    new Date(now).toISOString(),
    row.id,
  );
  const { add, remove } = tagOps(fields);
  const put = prepareOnce(db, 'INSERT OR IGNORE INTO contact_tags (contact_id, tag) VALUES (?, ?)');
  for (const t of add) put.run(row.id, t);
  const drop = prepareOnce(db, 'DELETE FROM contact_tags WHERE contact_id = ? AND tag = ?');
  for (const t of remove) drop.run(row.id, t);
  joinLocally(db, row.id, joinedBooks(fields));
}
