import type { Db } from '../../db/connection';
import { writeTransaction } from '../../db/transaction';
import { editContact } from './edit';
import type { ContactPatch } from './model';

export type BulkAction =
  | { kind: 'addTag'; tag: string }
  | { kind: 'removeTag'; tag: string }
  | { kind: 'moveToBook'; bookId: string }
  /** A local book id (contact_books): the contacts join it and stay in their others. */
  | { kind: 'joinBook'; bookId: number };

export interface BulkResult {
  changed: number;
  /** Contacts gone since they were selected (deleted meanwhile). */
  missing: number;
}

function patchOf(action: BulkAction): ContactPatch {
  if (action.kind === 'addTag') return { addTags: [action.tag] };
  if (action.kind === 'removeTag') return { removeTags: [action.tag] };
  if (action.kind === 'joinBook') return { joinBooks: [action.bookId] };
  return { bookId: action.bookId };
}

/**
 * One change for many selected contacts, as offline edits (one pending change
 * each), all or nothing: a refusal by the provider's rules (no tags on this
 * API, not one of the account's books) leaves every contact as it was.
 */
export function bulkEdit(
  db: Db,
  contactIds: readonly number[],
  action: BulkAction,
  now = Date.now(),
): BulkResult {
  const patch = patchOf(action);
  return writeTransaction(db, () => {
    const result: BulkResult = { changed: 0, missing: 0 };
    const exists = db.prepare('SELECT 1 FROM contacts WHERE id = ?');
    const tagged = db.prepare('SELECT 1 FROM contact_tags WHERE contact_id = ? AND tag = ?');
    const member = db.prepare(
      'SELECT 1 FROM contact_book_members WHERE contact_id = ? AND book_id = ?',
    );
    for (const id of new Set(contactIds)) {
      if (exists.get(id) === undefined) {
        result.missing++;
        continue;
      }
      // Already as asked: no change to push.
      if (action.kind === 'joinBook' && member.get(id, action.bookId) !== undefined) continue;
      if (action.kind === 'addTag' || action.kind === 'removeTag') {
        const has = tagged.get(id, action.tag) !== undefined;
        if (has === (action.kind === 'addTag')) continue;
      }
      editContact(db, id, patch, now);
      result.changed++;
    }
    return result;
  });
}
