import type { Migration } from './index';

/**
 * The Contacts view: sorted pages over 100,000 contacts, and deletes that can
 * be undone.
 */
export const m008ContactManagement: Migration = {
  version: 8,
  name: 'contact management: sort indexes, undoable deletes',
  sql: `
    -- Each sortable column of the list, per account, so a page deep in the list is an
    -- index walk rather than a sort of every contact.
    CREATE INDEX contacts_by_name ON contacts (account_id, last_name COLLATE NOCASE, first_name COLLATE NOCASE, id);
    CREATE INDEX contacts_by_phone ON contacts (account_id, phone, id);
    CREATE INDEX contacts_by_email ON contacts (account_id, email COLLATE NOCASE, id);

    -- A pending change that must not be pushed before this time: a delete waits out its
    -- Undo window here, so the sync loop cannot send it while the person may still undo.
    ALTER TABLE pending_changes ADD COLUMN hold_until INTEGER;

    -- What a delete removed, kept for its Undo: the row, its tags and books, and the
    -- changes it superseded. Rows older than an hour are dropped at the next delete.
    CREATE TABLE contact_trash (
      id                INTEGER PRIMARY KEY,
      undo_token        TEXT NOT NULL,
      account_id        INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      contact           TEXT NOT NULL CHECK (json_valid(contact)),
      delete_change_id  INTEGER REFERENCES pending_changes(id) ON DELETE SET NULL,
      superseded        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(superseded)),
      deleted_at        INTEGER NOT NULL
    );
    CREATE INDEX contact_trash_by_token ON contact_trash (undo_token);
  `,
};
