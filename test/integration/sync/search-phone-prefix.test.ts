import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/connection';
import { searchContacts } from '../../../electron/core/sync/contacts/search';
import { addAccount, openTestDb, type TestDb } from './helpers';

let tdb: TestDb;
let db: Db;
let accounts: number[];

beforeEach(() => {
  tdb = openTestDb();
  db = tdb.db;
  accounts = [
    addAccount(db, 'Main', 'http://127.0.0.1:1/nrs'),
    addAccount(db, 'Other', 'http://127.0.0.1:1/nrs'),
  ];
});
afterEach(() => tdb.close());

interface Person {
  account: number;
  phone: string;
  name: string;
}

/** Numbers as they are stored: digits, some with a '+', any first digit (9 included). */
const people = fc.array(
  fc.record({
    account: fc.integer({ min: 0, max: 1 }),
    plus: fc.boolean(),
    digits: fc.stringMatching(/^[0-9]{4,12}$/),
    name: fc.stringMatching(/^[A-Za-z]{1,6}$/),
  }),
  { minLength: 1, maxLength: 40 },
);

/** What a person types into the recipients field: one or two digits, maybe after '+'. */
const typed = fc.tuple(fc.constantFrom('', '+', '('), fc.stringMatching(/^[0-9]{1,2}$/));

function seed(rows: { account: number; plus: boolean; digits: string; name: string }[]): Person[] {
  const insert = db.prepare(
    'INSERT INTO contacts (account_id, remote_id, phone, first_name, last_name, email) VALUES (?, ?, ?, ?, ?, ?)',
  );
  return rows.map((r, i) => {
    const person = {
      account: accounts[r.account] as number,
      phone: `${r.plus ? '+' : ''}${r.digits}`,
      name: r.name,
    };
    insert.run(person.account, `r${i}`, person.phone, '', person.name, '');
    return person;
  });
}

describe('contact search by the first one or two digits', () => {
  it('lists exactly the numbers that start with them, with or without a stored "+", in name order', () => {
    fc.assert(
      fc.property(people, typed, fc.boolean(), (rows, [prefix, digits], scoped) => {
        db.exec('DELETE FROM contacts');
        const stored = seed(rows);
        const accountId = scoped ? accounts[0] : undefined;
        const expected = stored
          .filter((p) => accountId === undefined || p.account === accountId)
          .filter((p) => p.phone.replace(/^\+/, '').startsWith(digits))
          .map((p) => `${p.name} ${p.phone}`)
          .sort();
        const found = searchContacts(db, `${prefix}${digits}`, {
          limit: 100,
          ...(accountId === undefined ? {} : { accountId }),
        }).map((c) => `${c.lastName} ${c.phone}`);
        expect([...found].sort()).toEqual(expected);
        // Name order (ties by id): the last names come out sorted.
        const lastNames = found.map((f) => f.split(' ')[0] as string);
        expect(lastNames).toEqual([...lastNames].sort());
      }),
      { numRuns: 300 },
    );
  });
});
