import { randomBytes } from 'node:crypto';
import {
  closeSync,
  openSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { createBackup } from '../../../electron/core/db/backups';
import type { Db } from '../../../electron/core/db/connection';
import { openAppDatabase } from '../../../electron/core/db/database';

export const dbFile = (dataDir: string) => join(dataDir, 'outpost.sqlite');

/** Adds `count` drafts, enough of them to spread over many pages. */
export function addDrafts(db: Db, count: number, label: string): void {
  const insert = db.prepare('INSERT INTO drafts (body, updated_at) VALUES (?, 0)');
  db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(`${label} ${i} ${'x'.repeat(200)}`);
  })();
}

export function countDrafts(db: Db): number {
  return Number(db.prepare('SELECT count(*) FROM drafts').pluck().get());
}

/**
 * A profile with 1000 drafts in a backup (made at `backupAt`) and 500 more
 * written after it, so a restore is seen to bring back the backup's rows.
 * Closed cleanly.
 */
export async function profileWithBackup(
  dataDir: string,
  backupAt = new Date(),
): Promise<{ backupName: string }> {
  const db = openAppDatabase(dataDir);
  addDrafts(db, 1000, 'before backup');
  const backup = await createBackup(db, dataDir, 'daily', backupAt);
  addDrafts(db, 500, 'after backup');
  db.close();
  return { backupName: backup.name };
}

export type Damage = 'random bytes' | 'truncated' | 'pages overwritten in the middle';

export function damage(file: string, kind: Damage): void {
  const size = statSync(file).size;
  if (kind === 'random bytes') writeFileSync(file, randomBytes(size));
  if (kind === 'truncated') truncateSync(file, Math.floor(size / 2 / 4096) * 4096 + 100);
  if (kind === 'pages overwritten in the middle') {
    const fd = openSync(file, 'r+');
    const middle = Math.floor(size / 2 / 4096) * 4096;
    writeSync(fd, randomBytes(3 * 4096), 0, 3 * 4096, middle);
    closeSync(fd);
  }
}

export const bytesOf = (file: string) => readFileSync(file);
