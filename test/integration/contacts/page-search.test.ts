import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/connection';
import { writeTransaction } from '../../../electron/core/db/transaction';
import {
  contactPage,
  type PageQuery,
  queryFilter,
  type SortColumn,
} from '../../../electron/core/sync/contacts/page';
import { summaryColumns } from '../../../electron/core/sync/contacts/search';
import { addAccount, openTestDb, type TestDb } from '../sync/helpers';

/**
 * contacts.page answers from index ranges, id lookups and index-only counts
 * (page.ts). It must give exactly what the plain form gives: every condition
 * checked row by row, one or two digits as `phone LIKE`, counted by a scan.
 */
let tdb: TestDb;
let db: Db;
let main: number;
let other: number;

beforeAll(() => {
  tdb = openTestDb();
  db = tdb.db;
  main = addAccount(db, 'Main', 'http://127.0.0.1:1/nrs');
  other = addAccount(db, 'Other', 'http://127.0.0.1:1/nrs');
});

afterAll(() => tdb.close());

const ORDERS: Record<SortColumn, string> = {
  name: 'c.last_name COLLATE NOCASE %d, c.first_name COLLATE NOCASE %d, c.id %d',
  phone: 'c.phone %d, c.id %d',
  email: 'c.email COLLATE NOCASE %d, c.id %d',
};

/** The plain form: what contacts.page answered before it used the indexes. */
function reference(q: PageQuery): { total: number; ids: number[] } {
  const text = (q.query ?? '').trim();
  const digits = text.replace(/[\s+\-().]/g, '');
  const filter = /^\d{1,2}$/.test(digits)
    ? { where: ['(c.phone LIKE ? OR c.phone LIKE ?)'], params: [`${digits}%`, `+${digits}%`] }
    : queryFilter(text, q.accountId);
  if (!filter) return { total: 0, ids: [] };
  const where = ['c.account_id = ?', ...filter.where];
  const params: unknown[] = [q.accountId, ...filter.params];
  if (q.tag !== undefined) {
    where.push('c.id IN (SELECT contact_id FROM contact_tags WHERE tag = ?)');
    params.push(q.tag);
  }
  const order = ORDERS[q.sort ?? 'name'].replaceAll('%d', q.descending ? 'DESC' : 'ASC');
  const all = db
    .prepare(
      `SELECT c.id FROM contacts c NOT INDEXED WHERE ${where.join(' AND ')} ORDER BY ${order}`,
    )
    .pluck()
    .all(...params) as number[];
  return { total: all.length, ids: all.slice(q.offset, q.offset + q.limit) };
}

const answer = (q: PageQuery) => {
  const page = contactPage(db, { ...q, withTotal: true });
  return { total: page.total, ids: page.contacts.map((c) => c.id) };
};

const NAMES = [
  'Ana',
  'Ánxela',
  'Lucía',
  'Lucas',
  'María',
  'Mar',
  "O'Neil",
  'Fernández',
  'Fern',
  'Ñoño',
  'Zoë',
  '"Q"',
];

interface Person {
  account: number;
  phone: string;
  first: string;
  last: string;
  email: string;
  tagged: boolean;
}

const person: fc.Arbitrary<Person> = fc.record({
  account: fc.constantFrom(0, 0, 0, 1),
  phone: fc
    .tuple(fc.constantFrom('', '+'), fc.stringMatching(/^[0-9]{1,12}$/))
    .map(([plus, d]) => plus + d),
  first: fc.constantFrom(...NAMES),
  last: fc.constantFrom(...NAMES, 'Silva 12', 'García 6001'),
  email: fc.constantFrom('ana@example.com', 'lucia.fern@sapo.pt', 'x"y@z.es', 'mar@mar.es'),
  tagged: fc.boolean(),
});

const typed = fc.oneof(
  fc.stringMatching(/^\+?[0-9]{1,6}$/),
  fc.stringMatching(/^\+?[0-9]{1,2} ?[0-9]{0,3}$/),
  fc.constantFrom(
    'a',
    'm',
    'ma',
    'lu',
    'luc',
    'lucía fern',
    'fern',
    'ñ',
    'zo',
    'o',
    "o'n",
    '"q',
    'q"',
  ),
  fc.constantFrom('+34 6', '6', '60', '3', '34', '+', 'silva 12', '6001', 'mar 12', 'x"y'),
  fc.string({ unit: fc.constantFrom('a', 'á', 'm', '6', '+', ' ', '"', "'", '1'), maxLength: 6 }),
);

function seed(people: Person[]): void {
  writeTransaction(db, () => {
    db.prepare('DELETE FROM contacts').run();
    const insert = db.prepare(
      `INSERT INTO contacts (account_id, remote_id, phone, first_name, last_name, email)
       VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
    );
    people.forEach((p, i) => {
      const id = insert
        .pluck()
        .get(p.account === 0 ? main : other, `r${i}`, p.phone, p.first, p.last, p.email);
      if (p.tagged)
        db.prepare("INSERT INTO contact_tags (contact_id, tag) VALUES (?, 'vip')").run(id);
    });
  });
}

describe('contacts.page through the indexes', () => {
  it('gives the rows, order and count of the plain query for anything typed', () => {
    fc.assert(
      fc.property(
        fc.array(person, { maxLength: 40 }),
        fc.array(
          fc.record({
            query: typed,
            sort: fc.constantFrom<SortColumn>('name', 'phone', 'email'),
            descending: fc.boolean(),
            offset: fc.nat(8),
            limit: fc.integer({ min: 1, max: 20 }),
            tag: fc.option(fc.constant('vip'), { nil: undefined }),
            otherAccount: fc.boolean(),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (people, queries) => {
          seed(people);
          for (const { otherAccount, tag, ...rest } of queries) {
            const q: PageQuery = {
              ...rest,
              accountId: otherAccount ? other : main,
              ...(tag === undefined ? {} : { tag }),
            };
            expect(answer(q)).toEqual(reference(q));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives the same when matches are too many to look up by id (the order index is walked)', () => {
    const many = Array.from({ length: 2300 }, (_, i) => ({
      account: i % 10 === 0 ? 1 : 0,
      phone: `${i % 3 === 0 ? '+' : ''}34${600000000 + i * 7919}`,
      first: NAMES[i % NAMES.length] as string,
      last: `${NAMES[(i * 7) % NAMES.length]} ${i}`,
      email: `p${i}@bench.example`,
      tagged: i % 4 === 0,
    }));
    seed(many);
    for (const query of ['3', '34', '+3', 'm', 'a', 'p', 'lu', '6', '346', 'bench']) {
      for (const sort of ['name', 'phone'] as const) {
        for (const accountId of [main, other]) {
          const q: PageQuery = { accountId, query, sort, offset: 40, limit: 100 };
          expect(answer(q)).toEqual(reference(q));
        }
      }
    }
  });

  it('reads one or two digits as a range of the phone index, not a walk of the name index', () => {
    const filter = queryFilter('+6', main);
    const plan = (sql: string, params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    const c = filter?.candidates;
    expect(c).toBeDefined();
    if (!c || !filter) return;
    const counting = plan(c.count, c.params);
    expect(counting).toMatch(/contacts_by_phone \(account_id=\? AND phone>\? AND phone<\?\)/);
    expect(counting).not.toMatch(/SCAN contacts|contacts_by_name/);
    const page = plan(
      `SELECT ${summaryColumns} FROM (${c.ids}) m CROSS JOIN contacts c ON c.id = m.id
       WHERE c.account_id = ? AND ${filter.where.join(' AND ')} ORDER BY c.last_name COLLATE NOCASE LIMIT 100`,
      [...c.params, main, ...filter.params],
    );
    expect(page).toMatch(/contacts_by_phone \(account_id=\? AND phone>\? AND phone<\?\)/);
    expect(page).not.toMatch(/contacts_by_name/);
  });
});
