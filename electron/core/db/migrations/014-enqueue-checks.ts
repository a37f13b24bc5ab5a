import type { Migration } from './index';

/**
 * Two per-row checks fewer on the outbox insert (issue 15): queuing 100,000
 * recipients paid for `json_valid(field_values)` (a JSON parse of every row)
 * and a look-up of `message_templates` for every row's template id, about a
 * sixth of the enqueue's CPU between them. Both guarded nothing the app relies on:
 *
 * - `field_values` is written only by `fieldValuesOf` (outbox/fields.ts),
 *   which builds it from `JSON.stringify` of each value, and by migration
 *   010's `json_group_array`; its readers parse it (`fieldsFrom`, `json_each`).
 *   The hand-written `fields` column keeps its check.
 * - `template_id` comes from `templateIdFor` in the same transaction that
 *   inserts the row, and no code deletes or renumbers a template; readers join
 *   it with LEFT JOIN / coalesce, so a missing template would read as none.
 *
 * SQLite cannot drop a column constraint in place: the table is rebuilt with
 * every other rule and index as they were after 013, and `delivery_events`
 * with it (as in 010) so its foreign key follows without a cascade.
 */
export const m014LeanEnqueueChecks: Migration = {
  version: 14,
  name: 'outbox: no JSON parse or template look-up per queued row',
  sql: `
    CREATE TABLE messages_v15 (
      id                   INTEGER PRIMARY KEY,
      account_id           INTEGER NOT NULL REFERENCES accounts(id),
      job_id               INTEGER REFERENCES bulk_jobs(id),
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
      -- only for a row without template_id (written by hand): the text and values as before
      template             TEXT,
      fields               TEXT CHECK (json_valid(fields))
    );
    INSERT INTO messages_v15 SELECT * FROM messages;

    CREATE TABLE delivery_events_v15 (
      id           INTEGER PRIMARY KEY,
      message_id   INTEGER NOT NULL REFERENCES messages_v15(id) ON DELETE CASCADE,
      type         TEXT NOT NULL,
      -- the provider's own date text, kept as given (it is part of the event's identity)
      at           TEXT NOT NULL,
      recorded_at  INTEGER NOT NULL,
      UNIQUE (message_id, type, at)
    );
    INSERT INTO delivery_events_v15 SELECT * FROM delivery_events;
    DROP TABLE delivery_events;
    DROP TABLE messages;
    -- Renaming also rewrites delivery_events_v15's foreign key to name messages.
    ALTER TABLE messages_v15 RENAME TO messages;
    ALTER TABLE delivery_events_v15 RENAME TO delivery_events;

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
