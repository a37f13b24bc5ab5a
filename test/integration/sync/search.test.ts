import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/connection';
import { editContact } from '../../../electron/core/sync/contacts/edit';
import { listContacts, searchContacts } from '../../../electron/core/sync/contacts/search';
import { addAccount, openTestDb, type TestDb } from './helpers';

let tdb: TestDb;
let db: Db;
let main: number;
let other: number;
const ids: Record<string, number> = {};

beforeAll(() => {
  tdb = openTestDb();
  db = tdb.db;
  main = addAccount(db, 'Main', 'http://127.0.0.1:1/nrs');
  other = addAccount(db, 'Other', 'http://127.0.0.1:1/nrs');
  const insert = db.prepare(
    `INSERT INTO contacts (account_id, remote_id, phone, first_name, last_name, email)
     VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const people: [number, string, string, string, string][] = [
    [main, '34666555444', 'José', 'Pereira', 'jose.pereira@example.com'],
    [main, '+351912345678', 'Ana', 'Sousa', 'ana@sousa.pt'],
    [main, '34611000111', 'Anabel', 'Garcia', 'anabel@example.com'],
    [other, '34666555999', 'Josefa', 'Ruiz', 'josefa@other.example'],
  ];
  people.forEach(([account, phone, first, last, email], i) => {
    ids[first] = insert.pluck().get(account, `r${i}`, phone, first, last, email) as number;
  });
  db.prepare('INSERT INTO contact_tags (contact_id, tag) VALUES (?, ?)').run(ids.Ana, 'vip');
});

afterAll(() => tdb.close());

const names = (q: string, accountId?: number) =>
  searchContacts(db, q, accountId === undefined ? {} : { accountId }).map((c) => c.firstName);

describe('contact search', () => {
  it('finds names by prefix, ignoring case and accents', () => {
    expect(names('jose', main)).toEqual(['José']);
    expect(names('JOS')).toEqual(expect.arrayContaining(['José', 'Josefa']));
    expect(names('ana')).toEqual(expect.arrayContaining(['Ana', 'Anabel']));
    expect(names('ana sou')).toEqual(['Ana']);
  });

  it('finds phone digits anywhere in the number, however they are typed', () => {
    expect(names('5444')).toEqual(['José']);
    expect(names('+34 666 555')).toEqual(expect.arrayContaining(['José', 'Josefa']));
    expect(names('(912) 345-678')).toEqual(['Ana']);
    expect(names('35')).toEqual(['Ana']); // too short for trigrams: the start of the number
  });

  it('finds a part of an email, and mixes words with digits', () => {
    expect(names('sousa.pt')).toEqual(['Ana']);
    expect(names('pereira@exam')).toEqual(['José']);
    expect(names('jos 999')).toEqual(['Josefa']);
  });

  it('keeps accounts apart and treats odd input as text, never as query syntax', () => {
    expect(names('jos', other)).toEqual(['Josefa']);
    expect(names('"ana" OR NEAR(*')).toEqual([]);
    expect(names('***')).toEqual([]);
  });

  it('sees an offline edit at once', () => {
    editContact(db, ids.Anabel as number, { lastName: 'Ortega' });
    expect(names('ortega')).toEqual(['Anabel']);
    expect(names('anabel garcia')).toEqual([]);
    const edited = searchContacts(db, 'ortega')[0];
    expect(edited?.pending).toBe(true);
  });

  it('lists by tag and by pending state', () => {
    expect(listContacts(db, { accountId: main, tag: 'vip' }).map((c) => c.firstName)).toEqual([
      'Ana',
    ]);
    expect(listContacts(db, { pendingOnly: true }).map((c) => c.firstName)).toEqual(['Anabel']);
    expect(listContacts(db, { accountId: main }).map((c) => c.lastName)).toEqual([
      'Ortega',
      'Pereira',
      'Sousa',
    ]);
  });

  it('accepts anything a person can type without a query error', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (q) => {
        const hits = searchContacts(db, q, { limit: 10 });
        expect(hits.length).toBeLessThanOrEqual(10);
      }),
      { numRuns: 500 },
    );
    for (const q of [
      '"',
      "'",
      '*',
      'AND',
      'a OR',
      '-',
      'NOT x',
      '^a',
      'col:x',
      '(',
      '+',
      '0',
      '%',
      '_',
    ]) {
      expect(() => searchContacts(db, q)).not.toThrow();
    }
  });
});
