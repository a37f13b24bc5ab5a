import type { Migration } from './index';

/** A person's preferences (language, theme, default country and sender): one JSON value per key. */
export const m005Preferences: Migration = {
  version: 5,
  name: 'preferences',
  sql: `
    CREATE TABLE preferences (
      key        TEXT PRIMARY KEY,
      value      TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    );
  `,
};
