import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../paths';
import { type Db, type OpenOptions, openDatabase } from './connection';
import { migrate } from './migrate';

/** Opens (creating if needed) the profile's database in `dataDir` and brings its schema up to date. */
export function openAppDatabase(dataDir: string, options: OpenOptions = {}): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, DATABASE_FILE), options);
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
