import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BACKUPS_KEPT,
  backupIfDue,
  createBackup,
  listBackups,
} from '../../../electron/core/db/backups';
import { openDatabase } from '../../../electron/core/db/connection';
import { openAppDatabase } from '../../../electron/core/db/database';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import { restoreBackup } from '../../../electron/core/db/restore';
import { collect, exited, spawnTs, waitForOutput } from '../../helpers/child';
import { type Harness, SECRET_ENV, startHarness, stateCounts } from '../../helpers/outbox-harness';
import { tempDir } from '../../helpers/temp-dir';
import { addDrafts, countDrafts } from './profile-fixture';

const DAY = 24 * 60 * 60 * 1000;

describe('a backup taken while a drain is sending', () => {
  let h: Harness;
  let target: ReturnType<typeof tempDir>;
  afterEach(async () => {
    await h.close();
    target.remove();
  });

  it('restores to a database that opens and holds every row committed before it began', async () => {
    h = await startHarness({ seed: 5, faults: 'latency=5-30' });
    const ids = h.enqueue(600);
    const drainer = spawnTs('test/integration/outbox/drain-child.ts', [h.dir, '60000'], {
      [SECRET_ENV]: h.sandbox.apis.nrs.password,
    });
    const output = collect(drainer);
    expect(await waitForOutput(drainer, 'started')).toBe(true);
    // Wait until the other process has committed sends, so the copy races real writes.
    const until = Date.now() + 20_000;
    while ((stateCounts(h.db).accepted ?? 0) < 50 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const acceptedBefore = stateCounts(h.db).accepted ?? 0;
    expect(acceptedBefore).toBeGreaterThanOrEqual(50);
    const backup = await createBackup(h.db, h.dir, 'manual');
    expect(await exited(drainer), output.stderr()).toBe(0);

    target = tempDir();
    await restoreBackup(target.path, backup.path);
    const restored = openAppDatabase(target.path);
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = restored.prepare('SELECT id, state FROM messages ORDER BY id').all() as {
      id: number;
      state: string;
    }[];
    expect(rows.map((r) => r.id)).toEqual(ids);
    const accepted = rows.filter((r) => r.state === 'accepted').length;
    expect(accepted).toBeGreaterThanOrEqual(acceptedBefore);
    restored.close();
  });
});

describe('backups in backups/', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('keeps the last 7, newest first, with their dates', async () => {
    const db = openAppDatabase(dir.path);
    const start = Date.parse('2026-11-01T08:00:00Z');
    for (let day = 0; day < 9; day++)
      await createBackup(db, dir.path, 'daily', new Date(start + day * DAY));
    db.close();
    const kept = listBackups(dir.path);
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(kept[0]?.createdAt.toISOString()).toBe('2026-11-09T08:00:00.000Z');
    expect(kept.at(-1)?.createdAt.toISOString()).toBe('2026-11-03T08:00:00.000Z');
    expect(kept.every((b) => b.sizeBytes > 0)).toBe(true);
  });

  it('makes one at start when the newest is older than a day, not otherwise', async () => {
    const db = openAppDatabase(dir.path);
    const now = Date.parse('2026-11-10T12:00:00Z');
    expect(await backupIfDue(db, dir.path, new Date(now))).not.toBeNull();
    expect(await backupIfDue(db, dir.path, new Date(now + 23 * 3600_000))).toBeNull();
    expect(await backupIfDue(db, dir.path, new Date(now + DAY + 1))).not.toBeNull();
    db.close();
    expect(listBackups(dir.path)).toHaveLength(2);
  });

  it('makes one before a migration, holding the data at the old version', () => {
    const old = openDatabase(join(dir.path, 'outpost.sqlite'));
    migrate(old, { target: LATEST_SCHEMA_VERSION - 1 });
    addDrafts(old, 10, 'old');
    old.close();

    openAppDatabase(dir.path).close();
    const [backup] = listBackups(dir.path);
    expect(backup?.reason).toBe('before-migration');
    const copy = new Database(backup?.path ?? '', { readonly: true });
    expect(schemaVersion(copy)).toBe(LATEST_SCHEMA_VERSION - 1);
    expect(countDrafts(copy)).toBe(10);
    copy.close();
    // None when there is nothing to migrate.
    openAppDatabase(dir.path).close();
    expect(listBackups(dir.path)).toHaveLength(1);
  });
});
