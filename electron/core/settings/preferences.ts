import type { z } from 'zod';
import {
  DEFAULT_PREFERENCES,
  Preferences,
  type SettingsSetRequest,
} from '../../../shared/ipc/schemas/settings';
import type { Db } from '../db/connection';
import { writeTransaction } from '../db/transaction';
import { eventsOf } from '../events/sink';

type Patch = z.output<typeof SettingsSetRequest>;
const KEYS = Object.keys(DEFAULT_PREFERENCES) as (keyof Preferences)[];

/**
 * The saved preferences over the defaults. A value that no longer parses (a
 * hand-edited row, a language this version dropped) falls back to its default
 * instead of failing the whole read.
 */
export function readPreferences(db: Db): Preferences {
  const rows = db.prepare('SELECT key, value FROM preferences').all() as {
    key: string;
    value: string;
  }[];
  const saved: Record<string, unknown> = {};
  for (const { key, value } of rows) {
    try {
      saved[key] = JSON.parse(value);
    } catch {
      // Left to the default below.
    }
  }
  const result: Record<string, unknown> = { ...DEFAULT_PREFERENCES };
  for (const key of KEYS) {
    const field = Preferences.shape[key].safeParse(saved[key]);
    if (field.success) result[key] = field.data;
  }
  return result as Preferences;
}

/** Saves the given preferences (the others are left as they are) and returns them all. */
export function writePreferences(db: Db, patch: Patch, now = Date.now()): Preferences {
  writeTransaction(db, () => {
    const upsert = db.prepare(
      `INSERT INTO preferences (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    for (const key of KEYS) {
      if (patch[key] !== undefined) upsert.run(key, JSON.stringify(patch[key]), now);
    }
  });
  const saved = readPreferences(db);
  eventsOf(db).emit('settings.changed', { language: saved.language });
  return saved;
}
