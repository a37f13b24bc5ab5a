import type { Migration } from './index';

/**
 * Drafts of Compose: several, each with what the person picked (recipients,
 * sender, time, validity) as JSON beside the text, so a draft comes back whole
 * after a restart. The table is from migration 1 (body, updated_at).
 */
export const m009ComposeDrafts: Migration = {
  version: 9,
  name: 'compose drafts with their recipients and options',
  sql: `
    ALTER TABLE drafts ADD COLUMN state TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(state));
    ALTER TABLE drafts ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
    UPDATE drafts SET created_at = updated_at;
    CREATE INDEX drafts_recent ON drafts (updated_at DESC);
  `,
};
