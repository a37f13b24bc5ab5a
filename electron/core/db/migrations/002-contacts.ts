import type { Migration } from './index';

export const m002Contacts: Migration = {
  version: 2,
  name: 'contacts and contact books with full-text search',
  sql: `
    CREATE TABLE contact_books (
      id          INTEGER PRIMARY KEY,
      account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      remote_id   TEXT,
      name        TEXT NOT NULL,
      UNIQUE (account_id, remote_id)
    );

    CREATE TABLE contacts (
      id            INTEGER PRIMARY KEY,
      account_id    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      remote_id     TEXT,
      phone         TEXT NOT NULL,
      first_name    TEXT NOT NULL DEFAULT '',
      last_name     TEXT NOT NULL DEFAULT '',
      email         TEXT NOT NULL DEFAULT '',
      custom_fields TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(custom_fields)),
      updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      UNIQUE (account_id, remote_id)
    );

    CREATE TABLE contact_book_members (
      book_id     INTEGER NOT NULL REFERENCES contact_books(id) ON DELETE CASCADE,
      contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      PRIMARY KEY (book_id, contact_id)
    );

    CREATE VIRTUAL TABLE contacts_fts USING fts5 (
      first_name, last_name, phone, email,
      content = 'contacts', content_rowid = 'id'
    );
    CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
      INSERT INTO contacts_fts (rowid, first_name, last_name, phone, email)
      VALUES (new.id, new.first_name, new.last_name, new.phone, new.email);
    END;
    CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
      INSERT INTO contacts_fts (contacts_fts, rowid, first_name, last_name, phone, email)
      VALUES ('delete', old.id, old.first_name, old.last_name, old.phone, old.email);
    END;
    CREATE TRIGGER contacts_fts_update AFTER UPDATE ON contacts BEGIN
      INSERT INTO contacts_fts (contacts_fts, rowid, first_name, last_name, phone, email)
      VALUES ('delete', old.id, old.first_name, old.last_name, old.phone, old.email);
      INSERT INTO contacts_fts (rowid, first_name, last_name, phone, email)
      VALUES (new.id, new.first_name, new.last_name, new.phone, new.email);
    END;
  `,
};
