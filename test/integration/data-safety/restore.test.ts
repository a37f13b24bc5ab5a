import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../../electron/core/db/backups';
import { openAppDatabase } from '../../../electron/core/db/database';
import {
  applyStagedRestore,
  DatabaseInUseError,
  restoreBackup,
  restoreLatest,
  stagedRestoreName,
  stageRestore,
} from '../../../electron/core/db/restore';
import { exited, spawnTs, waitForOutput } from '../../helpers/child';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';
import { countDrafts, dbFile, profileWithBackup } from './profile-fixture';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

function drafts(): number {
  const db = openAppDatabase(dir.path);
  try {
    return countDrafts(db);
  } finally {
    db.close();
  }
}

describe('restoring a backup', () => {
  it('is refused while another process has the database open, and works once it closes', async () => {
    await profileWithBackup(dir.path);
    const holder = spawnTs(
      'test/integration/data-safety/hold-database-child.ts',
      [dir.path],
      {},
      'pipe',
    );
    expect(await waitForOutput(holder, 'holding')).toBe(true);
    const before = readFileSync(dbFile(dir.path));

    await expect(restoreLatest(dir.path)).rejects.toBeInstanceOf(DatabaseInUseError);
    const cli = await runCli(['--data-dir', dir.path, 'restore', '--latest']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/^outpost: Another Outpost .* has the database open/);
    expect(readFileSync(dbFile(dir.path)).equals(before)).toBe(true);
    expect(listBackups(dir.path)).toHaveLength(1);

    holder.stdin?.end();
    expect(await exited(holder)).toBe(0);
    const result = await restoreLatest(dir.path);
    expect(result.safetyBackup?.reason).toBe('before-restore');
    expect(drafts()).toBe(1000);
  }, 120_000);

  it('backs up the current file first, so the restore itself can be undone', async () => {
    await profileWithBackup(dir.path);
    const { safetyBackup } = await restoreLatest(dir.path);
    expect(drafts()).toBe(1000);
    await restoreBackup(dir.path, safetyBackup?.path ?? '');
    expect(drafts()).toBe(1500);
  });

  it('refuses a file that is not a good backup, touching nothing', async () => {
    await profileWithBackup(dir.path);
    const bogus = `${dir.path}/bogus.sqlite`;
    writeFileSync(bogus, 'not a database at all, just text '.repeat(200));
    await expect(restoreBackup(dir.path, bogus)).rejects.toThrow(
      /cannot be restored: it is not an SQLite database/,
    );
    expect(drafts()).toBe(1500);
    expect(listBackups(dir.path)).toHaveLength(1);
  });

  it('in the running app, is staged and done at the next start after a fresh backup', async () => {
    const { backupName } = await profileWithBackup(dir.path);
    stageRestore(dir.path, backupName);
    expect(stagedRestoreName(dir.path)).toBe(backupName);
    expect(drafts()).toBe(1500);
    const sentence = await applyStagedRestore(dir.path);
    expect(sentence).toMatch(
      new RegExp(
        `The backup ${backupName} was restored; the data it replaced is in outpost-.*-before-restore\\.sqlite\\.`,
      ),
    );
    expect(stagedRestoreName(dir.path)).toBeNull();
    expect(drafts()).toBe(1000);
    expect(await applyStagedRestore(dir.path)).toBeNull();
  });
});
