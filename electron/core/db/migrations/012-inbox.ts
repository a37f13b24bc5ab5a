import type { Migration } from './index';

/**
 * The inbox: read state per thread, and WhatsApp messages written here before
 * they are sent (a reply or a template), so a reply is as safe as an SMS:
 * saved before the request, sent once, its failure kept with the reason.
 */
export const m012Inbox: Migration = {
  version: 12,
  name: 'inbox: read state, WhatsApp replies written before they are sent',
  sql: `
    -- Threads of either channel, by key ('sms:<account>:<number>' or 'wa:<conversation id>'):
    -- everything up to read_at (ms) has been seen.
    CREATE TABLE thread_reads (
      thread_key  TEXT PRIMARY KEY,
      read_at     INTEGER NOT NULL
    ) WITHOUT ROWID;
    -- NULL for a message read from the provider; for ours: sending, sent, failed or unknown.
    ALTER TABLE conversation_messages ADD COLUMN local_state TEXT
      CHECK (local_state IS NULL OR local_state IN ('sending', 'sent', 'failed', 'unknown'));
    ALTER TABLE conversation_messages ADD COLUMN template_id INTEGER;
    -- the template's body fields (JSON array), to send it again on Retry
    ALTER TABLE conversation_messages ADD COLUMN template_fields TEXT
      CHECK (template_fields IS NULL OR json_valid(template_fields));
    ALTER TABLE conversation_messages ADD COLUMN error_text TEXT;
    -- when our last attempt to send it started (ms): a 'sending' row left long after was cut off
    ALTER TABLE conversation_messages ADD COLUMN attempted_at INTEGER;
    -- the message's time (ms): the provider's sent_at, or when it was written here; orders the thread
    ALTER TABLE conversation_messages ADD COLUMN at_ms INTEGER;
    UPDATE conversation_messages SET at_ms = CAST(strftime('%s', sent_at) AS INTEGER) * 1000
      WHERE sent_at IS NOT NULL;
    CREATE INDEX conversation_messages_by_at ON conversation_messages (conversation_id, at_ms, id);
    CREATE INDEX conversation_messages_local ON conversation_messages (conversation_id)
      WHERE local_state IS NOT NULL;
    CREATE INDEX messages_by_account_recipient ON messages (account_id, recipient, id);
    -- threads are named by the contact whose number they are: contacts_by_phone (migration 008)
    -- The approved WhatsApp templates the person uses: 360nrs sends by template id (seed 003
    -- line 1730) but documents no way to list them, so the account keeps them, like its books.
    CREATE TABLE whatsapp_templates (
      account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      template_id  INTEGER NOT NULL,
      name         TEXT NOT NULL,
      -- the approved text with {{1}}, {{2}} … where the body fields go
      body         TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (account_id, template_id)
    ) WITHOUT ROWID;
  `,
};
