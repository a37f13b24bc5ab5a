import type { Migration } from './index';

export const m001Initial: Migration = {
  version: 1,
  name: 'accounts and drafts',
  sql: `
    CREATE TABLE accounts (
      id             INTEGER PRIMARY KEY,
      name           TEXT NOT NULL UNIQUE,
      provider       TEXT NOT NULL CHECK (provider IN ('nrs', 'action', 'addressbook', 'tags')),
      base_url       TEXT NOT NULL,
      username       TEXT,
      -- where the secret lives ('env:VAR' or 'vault:KEY'); never the secret itself
      secret_ref     TEXT NOT NULL,
      -- egress address to bind when the machine has several (tests move between 127.0.0.1 and .2)
      local_address  TEXT,
      -- the source address the provider last accepted us from (it locks credentials to IPs)
      last_ok_ip     TEXT,
      -- a paused account sends nothing until a person acts or a probe succeeds
      paused_code    TEXT,
      paused_reason  TEXT,
      paused_at      INTEGER,
      created_at     INTEGER NOT NULL
    );

    CREATE TABLE drafts (
      id          INTEGER PRIMARY KEY,
      body        TEXT NOT NULL,
      updated_at  INTEGER NOT NULL
    );
  `,
};
