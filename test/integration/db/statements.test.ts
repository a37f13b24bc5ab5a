import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/connection';
import { openAppDatabase } from '../../../electron/core/db/database';
import { prepareOnce } from '../../../electron/core/db/statements';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  dir = tempDir();
  db = openAppDatabase(dir.path);
});
afterEach(() => {
  db.close();
  dir.remove();
});

describe('statements prepared once per connection', () => {
  it('hands back the same statement for the same SQL, and a new one per connection', () => {
    const sql = 'SELECT count(*) AS n FROM messages';
    expect(prepareOnce(db, sql)).toBe(prepareOnce(db, sql));
    const other = tempDir();
    const second = openAppDatabase(other.path);
    try {
      expect(prepareOnce(second, sql)).not.toBe(prepareOnce(db, sql));
    } finally {
      second.close();
      other.remove();
    }
  });

  it('a caller that plucked does not change what the next caller reads', () => {
    const sql = 'SELECT count(*) AS n FROM messages';
    expect(prepareOnce(db, sql).pluck().get()).toBe(0);
    expect(prepareOnce(db, sql).get()).toEqual({ n: 0 });
    expect(prepareOnce(db, sql).raw().get()).toEqual([0]);
    expect(prepareOnce(db, sql).get()).toEqual({ n: 0 });
  });
});
