import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../paths';
import { backupBeforeMigration, newestBackup } from './backups';
import { type Db, type OpenOptions, openDatabase } from './connection';
import { DamagedDatabaseError, moveAside, pendingDamage } from './damage';
import { checkHealth, damageReason } from './health';
import { migrate, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { ensurePrivateFolder, makeFilesPrivate, PRIVATE_FILE_MODE } from './private-files';

export interface ProfileDatabase {
  db: Db;
  /** Sentences to show the person once (CLI: stderr), e.g. that the folder was tightened. */
  notices: string[];
}

function hasContent(file: string): boolean {
  return existsSync(file) && statSync(file).size > 0;
}

function damaged(dataDir: string, file: string, reason: string): DamagedDatabaseError {
  const record = moveAside(dataDir, file, reason);
  return new DamagedDatabaseError(record, newestBackup(dataDir)?.name ?? null);
}

/** Opens the file, turning "not a database" and corruption at open into a moved-aside file. */
function openOrMoveAside(dataDir: string, file: string, options: OpenOptions): Db {
  try {
    return openDatabase(file, options);
  } catch (error) {
    const reason = damageReason(error);
    throw reason ? damaged(dataDir, file, reason) : error;
  }
}

/**
 * Opens the profile's database in `dataDir`, the way the app and the CLI
 * both do: the folder and its files owner-only; an existing file checked
 * first and, when damaged, moved aside (never overwritten, never replaced by
 * an empty one: a later start refuses until the person restores or chooses to
 * start empty); a newer schema refused and left as it is; a backup before
 * any migration; then the schema brought up to date.
 */
export interface ProfileOpenOptions extends OpenOptions {
  /**
   * Read the whole file to check it (quick_check), default true: the app's
   * start. The CLI asks for it only when a daily backup is due.
   */
  scan?: boolean;
}

export function openProfileDatabase(
  dataDir: string,
  options: ProfileOpenOptions = {},
): ProfileDatabase {
  const notices: string[] = [];
  const folderNotice = ensurePrivateFolder(dataDir);
  const file = join(dataDir, DATABASE_FILE);
  const existing = hasContent(file);
  if (!existing) {
    const damage = pendingDamage(dataDir);
    if (damage) throw new DamagedDatabaseError(damage, newestBackup(dataDir)?.name ?? null);
    // Created owner-only before SQLite touches it: SQLite gives -wal and -shm the database's mode.
    if (!existsSync(file)) writeFileSync(file, '', { mode: PRIVATE_FILE_MODE });
  }
  const { scan = true, ...connection } = options;
  const db = openOrMoveAside(dataDir, file, connection);
  try {
    const version = existing ? schemaVersion(db) : 0;
    const migrating = version > 0 && version < LATEST_SCHEMA_VERSION;
    // Never copy a damaged file over good backups: a migration's backup scans first.
    const health = existing ? checkHealth(db, scan || migrating) : null;
    if (health) {
      db.close();
      throw damaged(dataDir, file, health.damaged);
    }
    if (migrating) backupBeforeMigration(db, dataDir);
    migrate(db);
    // Checked after the first writes, since SQLite creates -wal and -shm only then.
    const files = makeFilesPrivate(dataDir);
    if (folderNotice) notices.push(folderNotice);
    else if (files > 0 && existing) {
      notices.push(
        `Files in the data folder ${dataDir} were readable by other users of this computer; they are now private to you.`,
      );
    }
  } catch (error) {
    if (db.open) db.close();
    throw error;
  }
  return { db, notices };
}

/** Opens (creating if needed) the profile's database in `dataDir` and brings its schema up to date. */
export function openAppDatabase(dataDir: string, options: ProfileOpenOptions = {}): Db {
  return openProfileDatabase(dataDir, options).db;
}
