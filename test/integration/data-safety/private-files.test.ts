import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../../electron/core/db/backups';
import { openAppDatabase, openProfileDatabase } from '../../../electron/core/db/database';
import { ensurePrivateFolder } from '../../../electron/core/db/private-files';
import { runCli } from '../../helpers/cli';
import { type Harness, startHarness } from '../../helpers/outbox-harness';
import { tempDir } from '../../helpers/temp-dir';

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
const posix = process.platform !== 'win32';

describe.runIf(posix)('the data folder is private to the person (POSIX)', () => {
  let h: Harness | undefined;
  let dir: ReturnType<typeof tempDir>;
  let umask: number;
  beforeEach(() => {
    dir = tempDir();
    // The usual desktop umask, under which a plain mkdir or SQLite file is readable by everyone.
    umask = process.umask(0o022);
  });
  afterEach(async () => {
    process.umask(umask);
    await h?.close();
    h = undefined;
    dir.remove();
  });

  it('after a send, the database and SQLite’s -wal and -shm are 0600', async () => {
    h = await startHarness();
    h.enqueue(3);
    const totals = await h.engine().drain({ timeoutMs: 20_000 });
    expect(totals.accepted).toBe(3);
    const file = join(h.dir, 'outpost.sqlite');
    // Still open: the -wal and -shm SQLite made at the first write are there.
    expect(existsSync(`${file}-wal`) && existsSync(`${file}-shm`)).toBe(true);
    expect([mode(file), mode(`${file}-wal`), mode(`${file}-shm`)]).toEqual(['600', '600', '600']);
  });

  it('a new profile folder is created 0700, and its backups folder and backups too', async () => {
    const dataDir = join(dir.path, 'profile');
    const db = openAppDatabase(dataDir);
    const backup = await createBackup(db, dataDir, 'manual');
    db.close();
    expect(mode(dataDir)).toBe('700');
    expect(mode(join(dataDir, 'backups'))).toBe('700');
    expect(mode(backup.path)).toBe('600');
  });

  it('an existing wider folder and its files are tightened at start, and it is said once', () => {
    const dataDir = join(dir.path, 'profile');
    openAppDatabase(dataDir).close();
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'outpost.sqlite'), 0o644);
    writeFileSync(join(dataDir, 'notes.txt'), 'x', { mode: 0o644 });

    const first = openProfileDatabase(dataDir);
    first.db.close();
    expect(first.notices).toHaveLength(1);
    expect(first.notices[0]).toMatch(/was open to other users .*mode 755.*now private to you/);
    expect([
      mode(dataDir),
      mode(join(dataDir, 'outpost.sqlite')),
      mode(join(dataDir, 'notes.txt')),
    ]).toEqual(['700', '600', '600']);

    const second = openProfileDatabase(dataDir);
    second.db.close();
    expect(second.notices).toEqual([]);
  });

  it('the CLI says the tightening once, on stderr', async () => {
    const dataDir = join(dir.path, 'profile');
    openAppDatabase(dataDir).close();
    chmodSync(dataDir, 0o755);
    const first = await runCli(['--data-dir', dataDir, 'outbox', 'status', '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^outpost: The data folder .* is now private to you\.$/m);
    expect(JSON.parse(first.stdout).counts).toBeDefined();
    const second = await runCli(['--data-dir', dataDir, 'outbox', 'status', '--json']);
    expect(second.stderr).toBe('');
  }, 90_000);

  it('a file alone made readable in a private folder is tightened with its own notice', () => {
    const dataDir = join(dir.path, 'profile');
    openAppDatabase(dataDir).close();
    chmodSync(join(dataDir, 'outpost.sqlite'), 0o644);
    const opened = openProfileDatabase(dataDir);
    opened.db.close();
    expect(opened.notices).toEqual([
      expect.stringMatching(/Files in the data folder .* are now private/),
    ]);
    expect(mode(join(dataDir, 'outpost.sqlite'))).toBe('600');
  });
});

describe('on Windows', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('the folder is left as it is (the profile folder is per-user there)', () => {
    const folder = join(dir.path, 'profile');
    mkdirSync(folder, { mode: 0o755 });
    chmodSync(folder, 0o755);
    expect(ensurePrivateFolder(folder, 'win32')).toBeNull();
    if (posix) expect(mode(folder)).toBe('755');
  });
});
