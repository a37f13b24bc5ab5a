import { readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { bindingOptions, type Db } from './connection';
import { fileStamp } from './damage';
import { ensurePrivateFolder, PRIVATE_FILE_MODE } from './private-files';

export const BACKUPS_FOLDER = 'backups';
/** How many backups `backups/` keeps; older ones are deleted as new ones are made. */
export const BACKUPS_KEPT = 7;
/** A start makes a backup when the newest one is older than this. */
export const BACKUP_EVERY_MS = 24 * 60 * 60 * 1000;

export type BackupReason = 'daily' | 'manual' | 'before-migration' | 'before-restore';

export interface BackupInfo {
  /** File name inside `backups/`. */
  name: string;
  path: string;
  createdAt: Date;
  sizeBytes: number;
  reason: BackupReason;
}

const NAME = /^outpost-(\d{8}T\d{9}Z)-(daily|manual|before-migration|before-restore)\.sqlite$/;

export function backupsFolder(dataDir: string): string {
  return join(dataDir, BACKUPS_FOLDER);
}

function parseStamp(stamp: string): Date {
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;
  return new Date(iso);
}

/** The backups in `backups/`, newest first. The date comes from the name, which a copy keeps. */
export function listBackups(dataDir: string): BackupInfo[] {
  const folder = backupsFolder(dataDir);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const found: BackupInfo[] = [];
  for (const name of names) {
    const match = NAME.exec(name);
    if (!match?.[1] || !match[2]) continue;
    const path = join(folder, name);
    found.push({
      name,
      path,
      createdAt: parseStamp(match[1]),
      sizeBytes: statSync(path).size,
      reason: match[2] as BackupReason,
    });
  }
  return found.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

export function newestBackup(dataDir: string): BackupInfo | null {
  return listBackups(dataDir)[0] ?? null;
}

/**
 * A backup stands alone: rollback journal instead of WAL, so opening or
 * copying it never needs a -wal beside it; owner-only like the database.
 */
function seal(partial: string, final: string): void {
  const copy = new Database(partial, bindingOptions({}));
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  renameSync(partial, final);
}

/** An empty owner-only file, so SQLite writes into it with that mode from the first byte. */
function privateEmptyFile(path: string): void {
  writeFileSync(path, '', { mode: PRIVATE_FILE_MODE });
}

function pruneBackups(dataDir: string): void {
  for (const old of listBackups(dataDir).slice(BACKUPS_KEPT)) rmSync(old.path, { force: true });
}

function target(
  dataDir: string,
  reason: BackupReason,
  now: Date,
): { partial: string; final: string } {
  const folder = backupsFolder(dataDir);
  ensurePrivateFolder(folder);
  const final = join(folder, `outpost-${fileStamp(now)}-${reason}.sqlite`);
  return { partial: `${final}.partial`, final };
}

function infoFor(dataDir: string, path: string): BackupInfo {
  const info = listBackups(dataDir).find((b) => b.path === path);
  if (!info) throw new Error(`The backup ${path} was made but cannot be found.`);
  return info;
}

/**
 * A consistent copy through SQLite's online backup, page by page between
 * the outbox's own transactions: safe while it sends (a write by another
 * connection restarts the copy, one by this connection is copied along).
 */
export async function createBackup(
  db: Db,
  dataDir: string,
  reason: BackupReason,
  now = new Date(),
): Promise<BackupInfo> {
  const { partial, final } = target(dataDir, reason, now);
  privateEmptyFile(partial);
  try {
    await db.backup(partial);
    seal(partial, final);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  pruneBackups(dataDir);
  return infoFor(dataDir, final);
}

/**
 * The copy taken before a migration. The migration runs inside the
 * synchronous open every caller shares, where the asynchronous backup()
 * cannot be awaited, so this one is `VACUUM INTO`: SQLite's own consistent
 * copy, made in one read transaction just before the migration's write.
 */
export function backupBeforeMigration(db: Db, dataDir: string, now = new Date()): BackupInfo {
  const { partial, final } = target(dataDir, 'before-migration', now);
  privateEmptyFile(partial);
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    seal(partial, final);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  pruneBackups(dataDir);
  return infoFor(dataDir, final);
}

/** Whether the newest backup is older than a day (or there is none). */
export function isBackupDue(dataDir: string, now = new Date()): boolean {
  const newest = newestBackup(dataDir);
  return !newest || now.getTime() - newest.createdAt.getTime() >= BACKUP_EVERY_MS;
}

/**
 * At start: a backup when the newest is older than a day. The caller opened
 * the database with a full scan when this is due, so a damaged file is never
 * copied over the good backups.
 */
export async function backupIfDue(
  db: Db,
  dataDir: string,
  now = new Date(),
): Promise<BackupInfo | null> {
  if (!isBackupDue(dataDir, now)) return null;
  return createBackup(db, dataDir, 'daily', now);
}

/** `outpost backup --to FILE`: the same consistent copy, to a file of the person's choosing. */
export async function exportBackup(db: Db, file: string): Promise<void> {
  const partial = `${file}.partial`;
  privateEmptyFile(partial);
  try {
    await db.backup(partial);
    seal(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
