import type { Migration } from './index';

export const m001Initial: Migration = {
  version: 1,
  name: 'accounts, messages, drafts',
  sql: `
    CREATE TABLE accounts (
      id          INTEGER PRIMARY KEY,
      name        TEXT NOT NULL UNIQUE,
      provider    TEXT NOT NULL CHECK (provider IN ('nrs', 'action', 'addressbook', 'tags')),
      base_url    TEXT NOT NULL,
      username    TEXT,
      -- where the secret lives (vault key or env var name); never the secret itself
      secret_ref  TEXT NOT NULL,
      last_ok_ip  TEXT,
      created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );

    CREATE TABLE messages (
      id            INTEGER PRIMARY KEY,
      account_id    INTEGER NOT NULL REFERENCES accounts(id),
      recipient     TEXT NOT NULL,
      sender        TEXT NOT NULL,
      body          TEXT NOT NULL,
      encoding      TEXT NOT NULL CHECK (encoding IN ('gsm', 'gsm-pt', 'ucs2')),
      segments      INTEGER NOT NULL CHECK (segments >= 1),
      status        TEXT NOT NULL,
      provider_id   TEXT,
      error_code    INTEGER,
      error_text    TEXT,
      created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );
    CREATE INDEX messages_by_recipient ON messages (recipient, created_at);

    CREATE TABLE drafts (
      id          INTEGER PRIMARY KEY,
      body        TEXT NOT NULL,
      updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );
  `,
};
