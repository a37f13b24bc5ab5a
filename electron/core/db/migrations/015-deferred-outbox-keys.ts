import type { Migration } from './index';

/**
 * No statement journal for a queued batch (issue 15). A multi-row INSERT that
 * may stop half-way must be able to undo its own rows, so SQLite writes a
 * statement journal, which spills to a temp file once the rows go to random
 * places in the recipient index (a shuffled CSV: 240,160 writes against
 * 17,648 in order). The rules that made the insert able to stop half-way:
 *
 * - the foreign keys to `accounts` and `bulk_jobs`, checked per row while the
 *   statement runs. Deferred, they are still enforced: a transaction that
 *   leaves a row without its account or job fails at COMMIT and is rolled
 *   back whole (writeTransaction), so the outbox never holds such a row;
 * - `json_valid(fields)`. No code writes `fields` since 010 (queued-rows.ts
 *   writes `template_id` + `field_values`, nothing else inserts or updates
 *   `fields`); the values it still holds were written under the check and are
 *   copied here as they are. Its readers (claim.ts, FIELDS_JSON_SQL) parse it;
 * - ABORT on the other checks (NOT NULL, the states): queued-rows.ts inserts
 *   with OR FAIL, which keeps the rows written before a failing one, and the
 *   enclosing transaction then rolls all of them back.
 *
 * Rebuilt as 014 did, with every other rule and index as they were after 014.
 */
export const m015NoStatementJournal: Migration = {
  version: 15,
  name: 'outbox: deferred foreign keys, no check on the old fields column',
  sql: `
    CREATE TABLE messages_v16 (
      id                   INTEGER PRIMARY KEY,
      account_id           INTEGER NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
      job_id               INTEGER REFERENCES bulk_jobs(id) DEFERRABLE INITIALLY DEFERRED,
      recipient            TEXT NOT NULL,
      sender               TEXT NOT NULL,
      -- message_templates.id, written with the row by templateIdFor (templates are never deleted)
      template_id          INTEGER,
      -- JSON array of this recipient's values, in the order of its template's field_names; NULL: none
      field_values         TEXT,
      body                 TEXT NOT NULL,
      encoding             TEXT NOT NULL CHECK (encoding = 'gsm' OR encoding = 'gsm-pt' OR encoding = 'ucs2'),
      segments             INTEGER NOT NULL CHECK (segments >= 1),
      max_parts            INTEGER NOT NULL CHECK (max_parts BETWEEN 1 AND 15),
      state                TEXT NOT NULL CHECK (state = 'queued' OR state = 'sending' OR state = 'accepted'
                             OR state = 'delivered' OR state = 'failed' OR state = 'unknown' OR state = 'cancelled'),
      attempts             INTEGER NOT NULL DEFAULT 0,
      not_before           INTEGER NOT NULL,
      scheduled_for        INTEGER,
      give_up_at           INTEGER NOT NULL,
      lease_owner          TEXT,
      lease_token          TEXT,
      lease_expires_at     INTEGER,
      dispatched_at        INTEGER,
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
      settled_at           INTEGER,
      next_poll_at         INTEGER,
      poll_attempts        INTEGER NOT NULL DEFAULT 0,
      delivered_at         INTEGER,
      campaign_name        TEXT,
      expires_at           INTEGER,
      schedule_mode        TEXT CHECK (schedule_mode = 'provider' OR schedule_mode = 'local'),
      late_by_ms           INTEGER,
      -- only for a row without template_id (written before 010): the text and its values as a JSON object
      template             TEXT,
      fields               TEXT
    );
    INSERT INTO messages_v16 SELECT * FROM messages;

    CREATE TABLE delivery_events_v16 (
      id           INTEGER PRIMARY KEY,
      message_id   INTEGER NOT NULL REFERENCES messages_v16(id) ON DELETE CASCADE,
      type         TEXT NOT NULL,
      -- the provider's own date text, kept as given (it is part of the event's identity)
      at           TEXT NOT NULL,
      recorded_at  INTEGER NOT NULL,
      UNIQUE (message_id, type, at)
    );
    INSERT INTO delivery_events_v16 SELECT * FROM delivery_events;
    DROP TABLE delivery_events;
    DROP TABLE messages;
    -- Renaming also rewrites delivery_events_v16's foreign key to name messages.
    ALTER TABLE messages_v16 RENAME TO messages;
    ALTER TABLE delivery_events_v16 RENAME TO delivery_events;

    CREATE INDEX messages_due ON messages (not_before, id) WHERE state = 'queued';
    CREATE INDEX messages_in_flight ON messages (lease_expires_at) WHERE state = 'sending';
    CREATE INDEX messages_unknown ON messages (request_name) WHERE state = 'unknown';
    CREATE INDEX messages_by_lease ON messages (lease_token) WHERE lease_token IS NOT NULL;
    CREATE INDEX messages_by_job ON messages (job_id, state) WHERE job_id IS NOT NULL;
    CREATE INDEX messages_by_provider_id ON messages (provider_message_id)
      WHERE provider_message_id IS NOT NULL;
    CREATE INDEX messages_to_poll ON messages (next_poll_at, id) WHERE state = 'accepted';
    CREATE INDEX messages_at_provider ON messages (account_id, scheduled_for)
      WHERE state = 'accepted' AND schedule_mode = 'provider';
    CREATE INDEX messages_by_recipient ON messages (recipient, account_id);
  `,
};
