import { m001Initial } from './001-initial';
import { m002Contacts } from './002-contacts';

export interface Migration {
  version: number;
  name: string;
  /** Plain SQL, run inside the migration transaction. */
  sql: string;
}

/** Append-only: a released migration is never edited, a change is a new number. */
export const migrations: readonly Migration[] = [m001Initial, m002Contacts];

export const LATEST_SCHEMA_VERSION = migrations.length;
