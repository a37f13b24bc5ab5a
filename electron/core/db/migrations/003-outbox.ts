import type { Migration } from './index';

/**
 * The outbox: one `messages` row per recipient, written before any network
 * call. Times are milliseconds since the epoch (UTC).
 */
export const m003Outbox: Migration = {
  version: 3,
  name: 'outbox: messages and bulk jobs',
  sql: `
    CREATE TABLE bulk_jobs (
      id           INTEGER PRIMARY KEY,
      account_id   INTEGER NOT NULL REFERENCES accounts(id),
      name         TEXT NOT NULL,
      -- 'importing' until the whole CSV is in: a crash mid-import leaves a job nobody sends, removed at start-up
      state        TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('importing', 'active', 'paused', 'cancelled')),
      sender       TEXT NOT NULL,
      template     TEXT NOT NULL,
      mapping      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(mapping)),
      source_file  TEXT,
      created_at   INTEGER NOT NULL
    );

    CREATE TABLE messages (
      id                   INTEGER PRIMARY KEY,
      account_id           INTEGER NOT NULL REFERENCES accounts(id),
      job_id               INTEGER REFERENCES bulk_jobs(id),
      recipient            TEXT NOT NULL,
      sender               TEXT NOT NULL,
      -- the text as written (merge fields unrendered) and this recipient's values
      template             TEXT NOT NULL,
      fields               TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(fields)),
      body                 TEXT NOT NULL,
      encoding             TEXT NOT NULL CHECK (encoding IN ('gsm', 'gsm-pt', 'ucs2')),
      segments             INTEGER NOT NULL CHECK (segments >= 1),
      max_parts            INTEGER NOT NULL CHECK (max_parts BETWEEN 1 AND 15),
      state                TEXT NOT NULL CHECK (state IN
                             ('queued', 'sending', 'accepted', 'delivered', 'failed', 'unknown', 'cancelled')),
      attempts             INTEGER NOT NULL DEFAULT 0,
      -- not sent before this time: the scheduled time, or the next retry
      not_before           INTEGER NOT NULL,
      scheduled_for        INTEGER,
      -- fixed at creation, so restarts never extend the retrying
      give_up_at           INTEGER NOT NULL,
      lease_owner          TEXT,
      lease_token          TEXT,
      lease_expires_at     INTEGER,
      -- set just before the request is written: a crash after it means "outcome unknown"
      dispatched_at        INTEGER,
      -- the campaignName of the request this row last went out in (reconciliation key)
      request_name         TEXT,
      provider_message_id  TEXT,
      provider_campaign_id TEXT,
      provider_sending_id  TEXT,
      parts                INTEGER,
      error_code           TEXT,
      error_kind           TEXT,
      error_text           TEXT,
      delivery_status      TEXT,
      created_at           INTEGER NOT NULL,
      updated_at           INTEGER NOT NULL,
      settled_at           INTEGER
    );
    CREATE INDEX messages_due ON messages (not_before, id) WHERE state = 'queued';
    CREATE INDEX messages_in_flight ON messages (lease_expires_at) WHERE state = 'sending';
    CREATE INDEX messages_unknown ON messages (request_name) WHERE state = 'unknown';
    CREATE INDEX messages_by_lease ON messages (lease_token);
    CREATE INDEX messages_by_job ON messages (job_id, state);
    CREATE INDEX messages_by_recipient ON messages (recipient, created_at);
    CREATE INDEX messages_by_provider_id ON messages (provider_message_id);
  `,
};
