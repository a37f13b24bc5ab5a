import type { Migration } from './index';

/**
 * What an account must remember about its provider that the provider's API
 * cannot tell us, and provider blacklist changes waiting for the network.
 * Times are milliseconds since the epoch (UTC).
 */
export const m005ProviderFidelity: Migration = {
  version: 5,
  name: 'account custom-field ids, address books, pending blacklist pushes',
  sql: `
    -- Action API (seed 000 line 5): Custom is keyed by the provider's custom-field ids,
    -- which only its dashboard shows; the person maps each local field name to one.
    CREATE TABLE account_custom_fields (
      account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      local_name   TEXT NOT NULL,
      provider_id  TEXT NOT NULL,
      PRIMARY KEY (account_id, local_name),
      UNIQUE (account_id, provider_id)
    ) WITHOUT ROWID;

    -- Address-book API (seed 001 line 15): contacts go into a book by its group_id, and
    -- the API cannot list books, so the account keeps the ones the person uses.
    CREATE TABLE account_books (
      account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      book_id     TEXT NOT NULL,
      name        TEXT NOT NULL,
      PRIMARY KEY (account_id, book_id)
    ) WITHOUT ROWID;

    -- A suppression added or removed here (or an opt-out reply) that must reach the
    -- provider's blacklist; kept until it does, so it survives being offline.
    CREATE TABLE blacklist_pushes (
      id          INTEGER PRIMARY KEY,
      account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      phone       TEXT NOT NULL,
      op          TEXT NOT NULL CHECK (op IN ('add', 'remove')),
      state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
      attempts    INTEGER NOT NULL DEFAULT 0,
      error_text  TEXT,
      created_at  INTEGER NOT NULL,
      updated_at  INTEGER NOT NULL
    );
    CREATE INDEX blacklist_pushes_due ON blacklist_pushes (account_id, id) WHERE state = 'pending';
  `,
};
