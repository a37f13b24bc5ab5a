import {
  copyFileSync,
  existsSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../paths';
import { type BackupInfo, createBackup, listBackups } from './backups';
import { bindingOptions, type Db } from './connection';
import { clearDamage, moveAside, pendingDamage } from './damage';
import { checkHealth, damageReason } from './health';
import { makeFilesPrivate, PRIVATE_FILE_MODE } from './private-files';

/** Where the app leaves a restore chosen while it runs, done at its next start. */
export const STAGED_RESTORE = 'restore-pending.json';

export class DatabaseInUseError extends Error {
  constructor() {
    super(
      'Another Outpost (the app or a command) has the database open, so it cannot be replaced now: close it and restore again.',
    );
    this.name = 'DatabaseInUseError';
  }
}

export interface RestoreResult {
  restored: string;
  /** The backup of the file that was replaced, or null when there was none to keep. */
  safetyBackup: BackupInfo | null;
  /** Where a damaged current file was moved, when it could not be backed up. */
  movedAside: string | null;
}

/**
 * Takes the database for this connection alone, or throws DatabaseInUseError.
 * Every connection to a WAL database holds a shared lock for as long as it is
 * open, even when idle, so an exclusive lock is granted only when no other
 * connection of any process has the file open; busy_timeout 0 makes the
 * attempt answer at once instead of waiting for the other to close.
 */
export function holdExclusively(file: string): Db {
  const db = new Database(file, bindingOptions({}));
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY'))
      throw new DatabaseInUseError();
    throw error;
  }
}

/** Refuses a backup that is itself damaged or from a newer Outpost, before anything is touched. */
function checkRestorable(source: string): void {
  if (!existsSync(source)) throw new Error(`There is no backup file ${source}.`);
  let copy: Db;
  try {
    copy = new Database(source, bindingOptions({ readonly: true, fileMustExist: true }));
  } catch (error) {
    throw new Error(
      `The file ${source} cannot be restored: ${damageReason(error) ?? String(error)}.`,
    );
  }
  try {
    const health = checkHealth(copy, true);
    if (health)
      throw new Error(`The backup ${basename(source)} cannot be restored: ${health.damaged}.`);
  } finally {
    copy.close();
  }
}

/**
 * Keeps what is there now before it is replaced: a backup when it opens,
 * or, when it is damaged, the file itself moved aside. Nothing is lost.
 */
async function keepCurrent(
  dataDir: string,
  file: string,
  now: Date,
): Promise<Omit<RestoreResult, 'restored'>> {
  if (!existsSync(file) || statSync(file).size === 0)
    return { safetyBackup: null, movedAside: null };
  let db: Db;
  try {
    db = holdExclusively(file);
  } catch (error) {
    const reason = damageReason(error);
    if (!reason) throw error;
    return { safetyBackup: null, movedAside: moveAside(dataDir, file, reason, now).movedTo };
  }
  try {
    const health = checkHealth(db, true);
    if (health) {
      db.close();
      return {
        safetyBackup: null,
        movedAside: moveAside(dataDir, file, health.damaged, now).movedTo,
      };
    }
    const safetyBackup = await createBackup(db, dataDir, 'before-restore', now);
    // Nothing may stay in a WAL that would be replayed onto the restored file.
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { safetyBackup, movedAside: null };
  } finally {
    if (db.open) db.close();
  }
}

/**
 * Replaces the profile's database with `source` (a backup file). Refuses
 * while any other process has the database open; the current file is backed
 * up (or, if damaged, moved aside) first. The copy is staged beside the
 * database and renamed over it, so a crash leaves one file or the other.
 */
export async function restoreBackup(
  dataDir: string,
  source: string,
  now = new Date(),
): Promise<RestoreResult> {
  checkRestorable(source);
  const file = join(dataDir, DATABASE_FILE);
  const staged = `${file}.restoring`;
  // Copied first: making the safety backup may prune the very backup being restored.
  copyFileSync(source, staged);
  try {
    const kept = await keepCurrent(dataDir, file, now);
    renameSync(staged, file);
    makeFilesPrivate(dataDir);
    clearDamage(dataDir);
    return { restored: basename(source), ...kept };
  } finally {
    rmSync(staged, { force: true });
  }
}

/** `outpost restore --latest` and the app's "Restore the newest backup". */
export async function restoreLatest(dataDir: string, now = new Date()): Promise<RestoreResult> {
  const [newest] = listBackups(dataDir);
  if (!newest) throw new Error(`There is no backup in ${join(dataDir, 'backups')} to restore.`);
  return restoreBackup(dataDir, newest.path, now);
}

/**
 * The person's explicit choice, after damage was found, to go on with an
 * empty database (the damaged file stays where it was moved).
 */
export function startEmpty(dataDir: string): void {
  if (!pendingDamage(dataDir)) {
    throw new Error('The database was not found damaged, so there is nothing to start over from.');
  }
  clearDamage(dataDir);
}

/**
 * In the running app the database is open, so a restore is staged and done
 * at the next start, before anything opens the file.
 */
export function stageRestore(dataDir: string, backupName: string): BackupInfo {
  const backup = listBackups(dataDir).find((b) => b.name === backupName);
  if (!backup) throw new Error(`There is no backup named ${backupName}.`);
  checkRestorable(backup.path);
  writeFileSync(join(dataDir, STAGED_RESTORE), JSON.stringify({ name: backupName }), {
    mode: PRIVATE_FILE_MODE,
  });
  return backup;
}

/**
 * At start: does the staged restore, if there is one. Returns the sentence
 * to show the person, or null when nothing was staged. A restore that cannot
 * be done now (another process has the file) stays staged for the next start.
 */
export async function applyStagedRestore(
  dataDir: string,
  now = new Date(),
): Promise<string | null> {
  const marker = join(dataDir, STAGED_RESTORE);
  const name = stagedRestoreName(dataDir);
  if (name === null) return null;
  const backup = listBackups(dataDir).find((b) => b.name === name);
  if (!backup) {
    rmSync(marker, { force: true });
    return `The backup ${name} chosen for restoring is gone, so nothing was restored.`;
  }
  try {
    const result = await restoreBackup(dataDir, backup.path, now);
    rmSync(marker, { force: true });
    const kept = result.safetyBackup
      ? `; the data it replaced is in ${result.safetyBackup.name}`
      : '';
    return `The backup ${name} was restored${kept}.`;
  } catch (error) {
    if (error instanceof DatabaseInUseError)
      return `The backup ${name} was not restored yet: ${error.message}`;
    rmSync(marker, { force: true });
    throw error;
  }
}

/** The backup the next start will restore, if one is staged. */
export function stagedRestoreName(dataDir: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(dataDir, STAGED_RESTORE), 'utf8')) as { name: string })
      .name;
  } catch {
    return null;
  }
}
