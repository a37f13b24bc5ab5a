import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Db } from '../db/connection';
import { prepareOnce } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import { eventsOf } from '../events/sink';
import { createContactOffline, editContact } from '../sync/contacts/edit';
import type { ContactPatch, NewContact } from '../sync/contacts/model';
import type { ImportPlan } from './plan';

/** Rows per transaction: each is short, so the app stays responsive between them. */
const CHUNK = 500;

/**
 * While an import runs, its new contacts' pending creates are held this long,
 * so the sync loop cannot push a contact a Cancel is about to take back. They
 * are released at the end; if the app dies mid-import the hold simply runs
 * out and what was written is pushed (a re-import then adds only the rest).
 */
export const IMPORT_HOLD_MS = 10 * 60_000;

export interface ImportOutcome {
  added: number;
  updated: number;
  /** Existing contacts added to the book (or given the tag) as pending changes. */
  joined: number;
  unchanged: number;
  skipped: number;
  book: string | null;
  tag: string | null;
}

export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled; nothing was added.');
    this.name = 'ImportCancelled';
  }
}

/** The local book row that shows the contacts; a new book is made here, on the first chunk. */
function localBookId(db: Db, plan: ImportPlan): number | null {
  const book = plan.book;
  if (!book) return null;
  if (book.localId !== null) return book.localId;
  return prepareOnce(
    db,
    'INSERT INTO contact_books (account_id, remote_id, name) VALUES (?, ?, ?) RETURNING id',
  )
    .pluck()
    .get(plan.accountId, book.remoteId, book.name) as number;
}

/** What the provider is told about the book (or the tag) on create. */
function withBook(plan: ImportPlan, contact: NewContact): NewContact {
  const book = plan.book;
  if (plan.tag !== null) return { ...contact, tags: [plan.tag] };
  if (!book) return contact;
  return book.remoteId !== null
    ? { ...contact, bookIds: [book.remoteId] }
    : { ...contact, bookNames: [book.name] };
}

/** Takes back everything a cancelled import wrote: its contacts, their pending creates, a new book. */
function rollBack(db: Db, plan: ImportPlan, created: number[], newBook: number | null): void {
  writeTransaction(db, () => {
    const ids = JSON.stringify(created);
    db.prepare(
      `DELETE FROM pending_changes WHERE op = 'create' AND contact_id IN (SELECT value FROM json_each(?))`,
    ).run(ids);
    db.prepare('DELETE FROM contacts WHERE id IN (SELECT value FROM json_each(?))').run(ids);
    if (newBook !== null) db.prepare('DELETE FROM contact_books WHERE id = ?').run(newBook);
    eventsOf(db).contactsChanged(plan.accountId);
  });
}

/**
 * The edits for the rows whose contact exists: the file's new values, and —
 * when asked and the provider can — joining the book or tag, the same pending
 * change the editor's "move to book" or "add tag" makes.
 */
function existingEdits(plan: ImportPlan, addExisting: boolean, book: number | null) {
  const edits: { contactId: number; patch: ContactPatch; joins: boolean }[] = [];
  for (const e of plan.existing) {
    const joins = addExisting && !e.inBook && plan.join !== null;
    const patch: ContactPatch = { ...e.patch };
    if (joins && plan.join === 'tag' && plan.tag !== null) patch.addTags = [plan.tag];
    if (joins && plan.join === 'move' && plan.book?.remoteId) patch.bookId = plan.book.remoteId;
    if (joins && plan.join === 'join' && book !== null) patch.joinBooks = [book];
    if (Object.keys(patch).length > 0) edits.push({ contactId: e.contactId, patch, joins });
  }
  return edits;
}

/**
 * Writes a checked plan: new contacts in chunks (held from the sync loop,
 * shown in the book at once with the "not yet synced" badge), then the
 * updates and the release of the holds in one last transaction. A Cancel
 * between chunks takes back what was written, so it adds nothing.
 */
export async function writeContactsImport(
  db: Db,
  plan: ImportPlan,
  options: {
    signal?: AbortSignal;
    onProgress?: (done: number, total: number) => void;
    now?: () => number;
    /** Also put the existing contacts into the chosen book (or give them the tag). */
    addExisting?: boolean;
  } = {},
): Promise<ImportOutcome> {
  const now = options.now ?? Date.now;
  const total = plan.creates.length;
  const created: number[] = [];
  let book: number | null = null;
  let newBook: number | null = null;
  let joined = 0;
  const ensureBook = () => {
    if (book !== null || !plan.book) return;
    book = localBookId(db, plan);
    if (plan.book.localId === null) newBook = book;
  };
  try {
    for (let i = 0; i < total; i += CHUNK) {
      if (options.signal?.aborted) throw new ImportCancelled();
      writeTransaction(db, () => {
        ensureBook();
        const hold = prepareOnce(
          db,
          `UPDATE pending_changes SET hold_until = ? WHERE contact_id = ? AND op = 'create'`,
        );
        const member = prepareOnce(
          db,
          'INSERT OR IGNORE INTO contact_book_members (book_id, contact_id) VALUES (?, ?)',
        );
        for (const { contact } of plan.creates.slice(i, i + CHUNK)) {
          const id = createContactOffline(db, plan.accountId, withBook(plan, contact), now());
          hold.run(now() + IMPORT_HOLD_MS, id);
          if (book !== null) member.run(book, id);
          created.push(id);
        }
      });
      options.onProgress?.(created.length, total);
      await nextTurn();
    }
    if (options.signal?.aborted) throw new ImportCancelled();
    writeTransaction(db, () => {
      const addExisting = options.addExisting ?? false;
      // A file of contacts that are all here already still makes the new group they join.
      if (addExisting && plan.join === 'join') ensureBook();
      const edits = existingEdits(plan, addExisting, book);
      for (const e of edits) editContact(db, e.contactId, e.patch, now());
      joined = edits.filter((e) => e.joins).length;
      db.prepare(
        `UPDATE pending_changes SET hold_until = NULL
         WHERE op = 'create' AND contact_id IN (SELECT value FROM json_each(?))`,
      ).run(JSON.stringify(created));
      eventsOf(db).contactsChanged(plan.accountId);
    });
  } catch (error) {
    rollBack(db, plan, created, newBook);
    throw error;
  }
  const updated = plan.existing.filter((e) => e.patch !== null).length;
  return {
    added: created.length,
    updated,
    joined,
    unchanged: plan.existing.length - updated,
    skipped: plan.invalid.length + plan.duplicates.length,
    book: plan.book?.name ?? null,
    tag: plan.tag,
  };
}
