import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreContext } from '../../../electron/core/context';
import {
  BUSY_TIMEOUT_MS,
  describeConnection,
  openDatabase,
} from '../../../electron/core/db/connection';
import { openAppDatabase } from '../../../electron/core/db/database';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

const durable = {
  journalMode: 'wal',
  synchronous: 2,
  foreignKeys: true,
  busyTimeout: BUSY_TIMEOUT_MS,
};

describe('every connection the app or the CLI opens', () => {
  it('is WAL with synchronous=FULL, foreign keys and a busy timeout, first and later', () => {
    const file = join(dir.path, 'outpost.sqlite');
    const first = openDatabase(file);
    const second = openDatabase(file);
    const readonly = openDatabase(file, { readonly: true });
    for (const db of [first, second, readonly]) expect(describeConnection(db)).toEqual(durable);
    for (const db of [first, second, readonly]) db.close();
  });

  it('keeps FULL where a bare better-sqlite3 connection to the same WAL file would drop to NORMAL', () => {
    const file = join(dir.path, 'outpost.sqlite');
    const ours = openDatabase(file);
    const bare = new Database(file);
    // The reason the factory exists: without it, the second connection is not durable.
    expect(Number(bare.pragma('synchronous', { simple: true }))).toBe(1);
    expect(describeConnection(openDatabase(file)).synchronous).toBe(2);
    bare.close();
    ours.close();
  });

  it('holds for the app database and for the context the IPC handlers and CLI share', async () => {
    const app = openAppDatabase(dir.path);
    const core = new CoreContext({ dataDir: dir.path, version: '1.0.0' });
    expect(describeConnection(app)).toEqual(durable);
    expect(describeConnection(core.db)).toEqual(durable);
    await core.close();
    app.close();
  });

  it('enforces foreign keys', () => {
    const db = openAppDatabase(dir.path);
    expect(() =>
      db.prepare(`INSERT INTO contacts (account_id, phone) VALUES (42, '34666555444')`).run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
