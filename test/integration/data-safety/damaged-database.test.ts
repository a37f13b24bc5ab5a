import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DamagedDatabaseError, pendingDamage } from '../../../electron/core/db/damage';
import { openAppDatabase } from '../../../electron/core/db/database';
import { SchemaTooNewError } from '../../../electron/core/db/migrate';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';
import {
  bytesOf,
  countDrafts,
  type Damage,
  damage,
  dbFile,
  profileWithBackup,
} from './profile-fixture';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

function openError(dataDir: string): unknown {
  try {
    openAppDatabase(dataDir).close();
  } catch (error) {
    return error;
  }
  return null;
}

const kinds: [Damage, RegExp][] = [
  ['random bytes', /not an SQLite database/],
  ['truncated', /damaged|integrity check/],
  ['pages overwritten in the middle', /damaged|integrity check/],
];

describe('a damaged database', () => {
  it.each(kinds)(
    '(%s) is moved aside untouched, with one sentence offering the newest backup; nothing empty replaces it',
    async (kind, reason) => {
      const { backupName } = await profileWithBackup(dir.path);
      damage(dbFile(dir.path), kind);
      const damagedBytes = bytesOf(dbFile(dir.path));

      const error = openError(dir.path);
      expect(error).toBeInstanceOf(DamagedDatabaseError);
      const sentence = (error as Error).message;
      expect(sentence.split('\n')).toHaveLength(1);
      expect(sentence).toMatch(reason);
      expect(sentence).toContain(backupName);
      expect(sentence).toContain('outpost restore --latest');

      const movedTo = (error as DamagedDatabaseError).record.movedTo;
      expect(movedTo).toMatch(/^outpost\.sqlite\.damaged-\d{8}T\d{9}Z$/);
      expect(bytesOf(join(dir.path, movedTo)).equals(damagedBytes)).toBe(true);
      // Not recreated empty, now or at the next start.
      expect(existsSync(dbFile(dir.path))).toBe(false);
      expect(openError(dir.path)).toBeInstanceOf(DamagedDatabaseError);
      expect(existsSync(dbFile(dir.path))).toBe(false);
    },
  );

  it('the CLI finds it at its daily check, says it in one sentence, and `outpost restore --latest` brings the backup back', async () => {
    // A backup two days old: the CLI's next command reads the whole file before the daily backup.
    await profileWithBackup(dir.path, new Date(Date.now() - 2 * 24 * 3600_000));
    damage(dbFile(dir.path), 'pages overwritten in the middle');
    const status = await runCli(['--data-dir', dir.path, 'outbox', 'status']);
    expect(status.code).toBe(1);
    expect(status.stderr.trim().split('\n')).toHaveLength(1);
    expect(status.stderr).toMatch(
      /^outpost: The database is damaged .*moved aside to outpost\.sqlite\.damaged-.*`outpost restore --latest`\.$/m,
    );

    const again = await runCli(['--data-dir', dir.path, 'outbox', 'status']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/The database is damaged/);

    const restore = await runCli(['--data-dir', dir.path, 'restore', '--latest', '--json']);
    expect(restore.code, restore.stderr).toBe(0);
    expect(JSON.parse(restore.stdout)).toMatchObject({ safetyBackup: null, movedAside: null });
    expect(pendingDamage(dir.path)).toBeNull();
    const db = openAppDatabase(dir.path);
    expect(countDrafts(db)).toBe(1000);
    db.close();
  }, 120_000);

  it('with no backup, the sentence says so and only the person’s `restore --empty` starts over', async () => {
    const db = openAppDatabase(dir.path);
    db.close();
    damage(dbFile(dir.path), 'random bytes');
    const error = openError(dir.path) as Error;
    expect(error.message).toMatch(/there is no backup to restore.*`outpost restore --empty`/);
    const empty = await runCli(['--data-dir', dir.path, 'restore', '--empty']);
    expect(empty.code, empty.stderr).toBe(0);
    const fresh = openAppDatabase(dir.path);
    expect(countDrafts(fresh)).toBe(0);
    fresh.close();
    // The damaged file is still there for whoever wants to look at it.
    expect(readdirSync(dir.path).some((n) => n.startsWith('outpost.sqlite.damaged-'))).toBe(true);
  }, 120_000);
});

describe('a database from a newer Outpost', () => {
  it('is refused with a sentence and left exactly as it is', async () => {
    await profileWithBackup(dir.path);
    const db = openAppDatabase(dir.path);
    db.pragma('user_version = 99');
    db.close();
    const before = bytesOf(dbFile(dir.path));
    const listing = readdirSync(dir.path).sort();

    const error = openError(dir.path);
    expect(error).toBeInstanceOf(SchemaTooNewError);
    expect((error as Error).message).toMatch(/schema version 99, newer than .* Update Outpost/);
    const cli = await runCli(['--data-dir', dir.path, 'outbox', 'status']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/^outpost: The database is at schema version 99/);

    expect(bytesOf(dbFile(dir.path)).equals(before)).toBe(true);
    expect(readdirSync(dir.path).sort()).toEqual(listing);
    expect(pendingDamage(dir.path)).toBeNull();
  }, 120_000);
});
