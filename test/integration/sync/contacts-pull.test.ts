import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/connection';
import type { NrsAdapter } from '../../../electron/core/providers/nrs/adapter';
import type { PullProgress } from '../../../electron/core/sync/contacts/pull';
import { countContacts, listContacts } from '../../../electron/core/sync/contacts/search';
import { type ContactWorld, startContactWorld } from './contact-world';
import { mobile } from './helpers';

const BULK = 10_000;
let w: ContactWorld;
let db: Db;
let adapter: NrsAdapter;
let accountId: number;
const pull = (onProgress?: (p: PullProgress) => void) => w.pull(onProgress);
const one = (q: string) => w.one(q);

beforeAll(async () => {
  w = await startContactWorld(BULK);
  ({ db, adapter, accountId } = w);
}, 60_000);

afterAll(() => w.close());

describe('contact pull at scale', () => {
  it('pulls more than 10,000 contacts page by page into searchable SQLite', async () => {
    const total = (await adapter.listContacts({ pageSize: 1 })).total as number;
    expect(total).toBeGreaterThanOrEqual(BULK);
    const progress: PullProgress[] = [];
    const report = await pull((p) => progress.push(p));
    expect(report.contacts).toBe(total);
    expect(report.inserted).toBe(total);
    expect(countContacts(db, accountId)).toBe(total);
    expect(progress.length).toBe(report.pages);
    expect(progress.at(-1)?.contactsSoFar).toBe(total);
    expect(report.pages).toBeGreaterThanOrEqual(11); // 1000 per page

    expect(one('person1234 garc').phone).toBe(mobile(501_234));
    expect(one(mobile(507_777).slice(-7)).firstName).toBe('Person7777');
    expect(one('person4242@bulk').lastName).toBe('Garcia');
    const bookA = db
      .prepare(`SELECT id FROM contact_books WHERE account_id = ? AND name = 'Bulk A'`)
      .pluck()
      .get(accountId) as number;
    expect(listContacts(db, { accountId, bookId: bookA, limit: 20_000 })).toHaveLength(
      Math.ceil(BULK / 3),
    );

    const again = await pull();
    expect(again.inserted + again.updated + again.removed).toBe(0);
    expect(again.unchanged).toBe(total);
  });
});
