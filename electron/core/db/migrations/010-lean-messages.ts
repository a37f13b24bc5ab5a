import type { Migration } from './index';

/** `col = 'a' OR col = 'b' …`: the same rule as `col IN (…)`, which SQLite checks through a temporary table per row. */
function oneOf(column: string, values: readonly string[]): string {
  return values.map((v) => `${column} = '${v}'`).join(' OR ');
}

const STATES = ['queued', 'sending', 'accepted', 'delivered', 'failed', 'unknown', 'cancelled'];

/** Each recipient's field names, in one order, as a JSON array (the same rule as `fieldNamesOf` in outbox/fields.ts). */
const NAMES_OF = (fields: string) =>
  `(SELECT json_group_array(key) FROM (SELECT key FROM json_each(${fields}) ORDER BY key))`;
const VALUES_OF = (fields: string) =>
  `(SELECT json_group_array(value) FROM (SELECT key, value FROM json_each(${fields}) ORDER BY key))`;

/**
 * Lean outbox rows (issue 15). Queuing 100,000 recipients cost 3-6× a bare
 * insert of the same columns: every row repeated the template and its field
 * names, every CHECK with IN (…) built a temporary table per row, and indexes
 * on columns that are NULL while a row is queued were kept for every row.
 *
 * - `message_templates` holds what the rows of a send share: the text as
 *   written and the names of its merge fields. A row keeps its template's id
 *   and only its values (a JSON array in the order of `field_names`).
 * - The table is rebuilt (SQLite cannot change a CHECK in place) with the same
 *   rules written as OR chains; `delivery_events` is rebuilt with it so its
 *   foreign key follows without turning foreign keys off (which cannot be
 *   done inside the migration's transaction) and without the cascade a DROP
 *   of its parent would run.
 * - `template` and `fields` stay as nullable columns, read only for a row that
 *   has no `template_id` (a row written by hand, e.g. by an older test helper).
 * - Indexes on lease token, job and provider id are partial (that column not NULL).
 */
export const m010LeanMessages: Migration = {
  version: 10,
  name: 'outbox: templates stored once, lean checks and partial indexes',
  sql: `
    CREATE TABLE message_templates (
      id           INTEGER PRIMARY KEY,
      -- the text as written (merge fields unrendered)
      text         TEXT NOT NULL,
      -- JSON array: the names of each row's field_values, in order
      field_names  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(field_names)),
      UNIQUE (text, field_names)
    );
    INSERT OR IGNORE INTO message_templates (text, field_names)
      SELECT template, ${NAMES_OF('fields')} FROM messages ORDER BY id;

    CREATE TABLE messages_v8 (
      id                   INTEGER PRIMARY KEY,
      account_id           INTEGER NOT NULL REFERENCES accounts(id),
      job_id               INTEGER REFERENCES bulk_jobs(id),
      recipient            TEXT NOT NULL,
      sender               TEXT NOT NULL,
      template_id          INTEGER REFERENCES message_templates(id),
      -- JSON array of this recipient's values, in the order of its template's field_names; NULL: none
      field_values         TEXT CHECK (json_valid(field_values)),
      body                 TEXT NOT NULL,
      encoding             TEXT NOT NULL CHECK (${oneOf('encoding', ['gsm', 'gsm-pt', 'ucs2'])}),
      segments             INTEGER NOT NULL CHECK (segments >= 1),
      max_parts            INTEGER NOT NULL CHECK (max_parts BETWEEN 1 AND 15),
      state                TEXT NOT NULL CHECK (${oneOf('state', STATES)}),
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
      schedule_mode        TEXT CHECK (${oneOf('schedule_mode', ['provider', 'local'])}),
      late_by_ms           INTEGER,
      -- only for a row without template_id (written by hand): the text and values as before
      template             TEXT,
      fields               TEXT CHECK (json_valid(fields))
    );
    INSERT INTO messages_v8 (id, account_id, job_id, recipient, sender, template_id, field_values, body,
        encoding, segments, max_parts, state, attempts, not_before, scheduled_for, give_up_at, lease_owner,
        lease_token, lease_expires_at, dispatched_at, request_name, provider_message_id, provider_campaign_id,
        provider_sending_id, parts, error_code, error_kind, error_text, delivery_status, created_at, updated_at,
        settled_at, next_poll_at, poll_attempts, delivered_at, campaign_name, expires_at, schedule_mode, late_by_ms)
      SELECT m.id, m.account_id, m.job_id, m.recipient, m.sender, t.id,
        CASE WHEN json_array_length(t.field_names) > 0 THEN ${VALUES_OF('m.fields')} END,
        m.body, m.encoding, m.segments, m.max_parts, m.state, m.attempts, m.not_before, m.scheduled_for,
        m.give_up_at, m.lease_owner, m.lease_token, m.lease_expires_at, m.dispatched_at, m.request_name,
        m.provider_message_id, m.provider_campaign_id, m.provider_sending_id, m.parts, m.error_code,
        m.error_kind, m.error_text, m.delivery_status, m.created_at, m.updated_at, m.settled_at,
        m.next_poll_at, m.poll_attempts, m.delivered_at, m.campaign_name, m.expires_at, m.schedule_mode,
        m.late_by_ms
      FROM messages m JOIN message_templates t ON t.text = m.template AND t.field_names = ${NAMES_OF('m.fields')};

    CREATE TABLE delivery_events_v8 (
      id           INTEGER PRIMARY KEY,
      message_id   INTEGER NOT NULL REFERENCES messages_v8(id) ON DELETE CASCADE,
      type         TEXT NOT NULL,
      -- the provider's own date text, kept as given (it is part of the event's identity)
      at           TEXT NOT NULL,
      recorded_at  INTEGER NOT NULL,
      UNIQUE (message_id, type, at)
    );
    INSERT INTO delivery_events_v8 (id, message_id, type, at, recorded_at)
      SELECT id, message_id, type, at, recorded_at FROM delivery_events;
    DROP TABLE delivery_events;
    DROP TABLE messages;
    -- Renaming also rewrites delivery_events_v8's foreign key to name messages.
    ALTER TABLE messages_v8 RENAME TO messages;
    ALTER TABLE delivery_events_v8 RENAME TO delivery_events;

    -- What the claim, recovery, reconciliation and the views look rows up by. A queued row
    -- enters three of them (due, job, recipient); the others hold rows in flight or settled.
    CREATE INDEX messages_due ON messages (not_before, id) WHERE state = 'queued';
    CREATE INDEX messages_in_flight ON messages (lease_expires_at) WHERE state = 'sending';
    CREATE INDEX messages_unknown ON messages (request_name) WHERE state = 'unknown';
    CREATE INDEX messages_by_lease ON messages (lease_token) WHERE lease_token IS NOT NULL;
    CREATE INDEX messages_by_job ON messages (job_id, state) WHERE job_id IS NOT NULL;
    CREATE INDEX messages_by_recipient ON messages (recipient, created_at);
    CREATE INDEX messages_by_provider_id ON messages (provider_message_id)
      WHERE provider_message_id IS NOT NULL;
    CREATE INDEX messages_to_poll ON messages (next_poll_at, id) WHERE state = 'accepted';
    CREATE INDEX messages_at_provider ON messages (account_id, scheduled_for)
      WHERE state = 'accepted' AND schedule_mode = 'provider';
  `,
};
