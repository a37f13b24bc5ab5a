import type { Db } from '../../db/connection';
import { type ContactConflict, listConflicts } from './conflicts';
import type { FieldValue } from './model';
import { OPEN_STATES, type PendingOp, type PendingState } from './pending';
import { readContact } from './store';

export interface ContactDetail {
  id: number;
  accountId: number;
  remoteId: string | null;
  phone: string;
  firstName: string;
  lastName: string;
  email: string;
  customFields: Record<string, FieldValue>;
  tags: string[];
  /** Local book ids, with the provider's id where it has one. */
  books: { id: number; remoteId: string | null; name: string }[];
  /** The unpushed change, if any: why it waits (refused, conflict) is in errorText. */
  pending: { op: PendingOp; state: PendingState; errorText: string | null } | null;
  conflict: ContactConflict | null;
}

/** Everything the edit form and the conflict view show for one contact; undefined when it is gone. */
export function contactDetail(db: Db, id: number): ContactDetail | undefined {
  const row = readContact(db, id);
  if (!row) return undefined;
  const pending = db
    .prepare(
      `SELECT op, state, error_text AS errorText FROM pending_changes
       WHERE contact_id = ? AND state IN ${OPEN_STATES} ORDER BY id DESC LIMIT 1`,
    )
    .get(id) as ContactDetail['pending'] | undefined;
  return {
    id: row.id,
    accountId: row.account_id,
    remoteId: row.remote_id,
    phone: row.phone,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    customFields: JSON.parse(row.custom_fields) as Record<string, FieldValue>,
    tags: db
      .prepare('SELECT tag FROM contact_tags WHERE contact_id = ? ORDER BY tag')
      .pluck()
      .all(id) as string[],
    books: db
      .prepare(
        `SELECT b.id, b.remote_id AS remoteId, b.name FROM contact_books b
         JOIN contact_book_members m ON m.book_id = b.id WHERE m.contact_id = ? ORDER BY b.name`,
      )
      .all(id) as ContactDetail['books'],
    pending: pending ?? null,
    conflict:
      row.has_conflict === 1
        ? (listConflicts(db, row.account_id).find((k) => k.contactId === id) ?? null)
        : null,
  };
}
