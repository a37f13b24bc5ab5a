import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PRIVATE_FILE_MODE } from './private-files';

/** Written beside the moved file, so a later start does not silently create an empty database. */
export const DAMAGE_MARKER = 'damaged.json';

export interface DamageRecord {
  /** What is wrong, as a clause: "it is not an SQLite database". */
  reason: string;
  /** The file the damaged database was renamed to, in the data folder. */
  movedTo: string;
  at: string;
}

/** A stamp safe in file names on every platform: 20261201T204400123Z. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('.', '');
}

/**
 * The database could not be used as it is. The message is the one sentence
 * the CLI prints; the app's dialog shows it with its choices.
 */
export class DamagedDatabaseError extends Error {
  /** What is wrong and where the file went, without the CLI's commands: the app's dialog shows this. */
  readonly summary: string;

  constructor(
    readonly record: DamageRecord,
    readonly newestBackup: string | null,
  ) {
    const summary = `The database is damaged (${record.reason}); nothing was overwritten: it was moved aside to ${record.movedTo}`;
    const offer = newestBackup
      ? `restore the newest backup (${newestBackup}) with \`outpost restore --latest\``
      : 'there is no backup to restore, so start with an empty database with `outpost restore --empty`';
    super(`${summary}, and you can ${offer}.`);
    this.name = 'DamagedDatabaseError';
    this.summary = `${summary}.`;
  }
}

/**
 * Renames the database and its -wal and -shm (which belong to it) aside with
 * a timestamp, and leaves the marker that keeps the next start from making a
 * new empty file behind the person's back.
 */
export function moveAside(
  dataDir: string,
  file: string,
  reason: string,
  now = new Date(),
): DamageRecord {
  const movedTo = `${basename(file)}.damaged-${fileStamp(now)}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, join(dataDir, movedTo + suffix));
  }
  const record: DamageRecord = { reason, movedTo, at: now.toISOString() };
  writeFileSync(join(dataDir, DAMAGE_MARKER), JSON.stringify(record), { mode: PRIVATE_FILE_MODE });
  return record;
}

/** The damage a previous start found and the person has not yet answered, if any. */
export function pendingDamage(dataDir: string): DamageRecord | null {
  try {
    return JSON.parse(readFileSync(join(dataDir, DAMAGE_MARKER), 'utf8')) as DamageRecord;
  } catch {
    return null;
  }
}

/** The person answered (restored a backup or chose to start empty). */
export function clearDamage(dataDir: string): void {
  rmSync(join(dataDir, DAMAGE_MARKER), { force: true });
}
