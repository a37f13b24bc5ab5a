import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../../electron/core/db/connection';
import { writeTransaction } from '../../../electron/core/db/transaction';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let a: Db;
let b: Db;

beforeEach(() => {
  dir = tempDir();
  const file = join(dir.path, 'outpost.sqlite');
  a = openDatabase(file);
  a.exec('CREATE TABLE jobs (id INTEGER PRIMARY KEY, state TEXT)');
  b = openDatabase(file);
  b.pragma('busy_timeout = 0');
});

afterEach(() => {
  a.close();
  b.close();
  dir.remove();
});

describe('writeTransaction', () => {
  it('takes the write lock when it begins, before its first write', () => {
    writeTransaction(a, () => {
      a.prepare('SELECT count(*) FROM jobs').get();
      // Another process trying to write now is told the database is busy…
      expect(() => b.prepare("INSERT INTO jobs (state) VALUES ('b')").run()).toThrow(
        /busy|locked/i,
      );
      a.prepare("INSERT INTO jobs (state) VALUES ('a')").run();
    });
    // …and can write once the transaction committed.
    b.prepare("INSERT INTO jobs (state) VALUES ('b')").run();
    expect(a.prepare('SELECT state FROM jobs ORDER BY id').pluck().all()).toEqual(['a', 'b']);
  });

  it('rolls back everything when the work throws', () => {
    expect(() =>
      writeTransaction(a, () => {
        a.prepare("INSERT INTO jobs (state) VALUES ('half')").run();
        throw new Error('crash in the middle');
      }),
    ).toThrow('crash in the middle');
    expect(a.prepare('SELECT count(*) FROM jobs').pluck().get()).toBe(0);
  });
});
