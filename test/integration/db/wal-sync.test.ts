// The dispatch mark's commit: in the WAL at once, flushed off the main thread
// by an fsync of the WAL file, the connection left at synchronous=FULL.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../../electron/core/db/connection';
import { commitWithoutWaiting, fsyncFile } from '../../../electron/core/db/wal-sync';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let db: Db;

beforeEach(() => {
  dir = tempDir();
  db = openDatabase(join(dir.path, 'x.sqlite'));
  db.exec('CREATE TABLE t (v INTEGER)');
});

afterEach(() => {
  db.close();
  dir.remove();
});

describe('commitWithoutWaiting', () => {
  it('commits at once (another connection sees it), flushes the WAL file when asked, and keeps FULL', async () => {
    const flushed: string[] = [];
    const { value, flush } = commitWithoutWaiting(
      db,
      () => db.prepare('INSERT INTO t VALUES (1)').run().changes,
      async (path) => {
        flushed.push(path);
        await fsyncFile(path);
      },
    );
    expect(value).toBe(1);
    const other = new Database(join(dir.path, 'x.sqlite'), { readonly: true });
    expect(other.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1);
    other.close();
    expect(flushed).toEqual([]);
    await flush();
    expect(flushed).toEqual([join(dir.path, 'x.sqlite-wal')]);
    expect(existsSync(flushed[0] ?? '')).toBe(true);
    expect(Number(db.pragma('synchronous', { simple: true }))).toBe(2);
  });

  it('an in-memory database has nothing to flush', async () => {
    const memory = openDatabase(':memory:');
    let calls = 0;
    const { flush } = commitWithoutWaiting(
      memory,
      () => memory.exec('CREATE TABLE m (v)'),
      async () => {
        calls += 1;
      },
    );
    await flush();
    expect(calls).toBe(0);
    memory.close();
  });

  it('a failed flush is reported to whoever waits for it', async () => {
    const { flush } = commitWithoutWaiting(
      db,
      () => db.exec('INSERT INTO t VALUES (2)'),
      () => Promise.reject(new Error('disk gone')),
    );
    await expect(flush()).rejects.toThrow('disk gone');
  });
});
