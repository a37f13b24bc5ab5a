import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookChoiceError, updateAccountBooks } from '../../../electron/core/accounts/books';
import type { Db } from '../../../electron/core/db/connection';
import { createAdapter } from '../../../electron/core/providers/registry';
import type { ProviderAdapter } from '../../../electron/core/providers/types';
import { createContactOffline, editContact } from '../../../electron/core/sync/contacts/edit';
import { ContactRuleError } from '../../../electron/core/sync/contacts/provider-rules';
import { pushPendingChanges } from '../../../electron/core/sync/contacts/push';
import { closeAgents, startTestSandbox, type TestSandbox } from '../sandbox/helpers';
import { addAccount, openTestDb, type TestDb } from './helpers';

let t: TestSandbox;
let tdb: TestDb;
let db: Db;
let adapter: ProviderAdapter;
let accountId: number;

beforeAll(async () => {
  t = await startTestSandbox();
  tdb = openTestDb();
  db = tdb.db;
  adapter = createAdapter({
    provider: 'addressbook',
    baseUrl: t.sb.apis.addressbook.baseUrl,
    secret: t.sb.apis.addressbook.token,
  });
  accountId = addAccount(db, 'Books', t.sb.apis.addressbook.baseUrl, 'addressbook');
});

afterAll(async () => {
  await adapter.close();
  tdb.close();
  await t.sb.close();
  await closeAgents();
});

const requests = () => t.sb.requestCount({ pathPrefix: '/addressbook' });

describe('address-book contacts go into a book by its group_id (seed 001 lines 15, 124)', () => {
  it('with no books entered, a create is refused with what to do, and nothing is written or sent', () => {
    expect(() => createContactOffline(db, accountId, { phone: '34600200300' })).toThrow(
      /no address books yet.*account books --name "Books" --add ID=NAME/,
    );
    expect(db.prepare('SELECT count(*) FROM pending_changes').pluck().get()).toBe(0);
  });

  it('refuses book ids the API does not take, and a book the account does not keep', () => {
    expect(() => updateAccountBooks(db, accountId, { add: [{ id: 'abc', name: 'X' }] })).toThrow(
      BookChoiceError,
    );
    updateAccountBooks(db, accountId, {
      add: [
        { id: '2', name: 'Customers' },
        { id: '3', name: 'Suppliers' },
      ],
    });
    expect(() => createContactOffline(db, accountId, { phone: '34600200300' })).toThrow(
      /Choose the address book.*2 \(Customers\), 3 \(Suppliers\)/,
    );
    expect(() =>
      createContactOffline(db, accountId, { phone: '34600200300', bookNames: ['Friends'] }),
    ).toThrow(/no address book "Friends"/);
    expect(() =>
      createContactOffline(db, accountId, {
        phone: '34600200300',
        bookIds: ['2'],
        customFields: { birthday: '1990' },
      }),
    ).toThrow(ContactRuleError);
  });

  it('creates in the chosen book and moves to another, through the API', async () => {
    const before = requests();
    const id = createContactOffline(db, accountId, {
      phone: '34600200300',
      firstName: 'Rosa',
      bookNames: ['customers'],
      customFields: { custom_1: 'gold' },
    });
    expect(requests()).toBe(before); // offline: nothing sent yet
    expect(await pushPendingChanges(db, accountId, adapter)).toMatchObject({
      pushed: 1,
      failed: 0,
    });
    const remoteId = db
      .prepare('SELECT remote_id FROM contacts WHERE id = ?')
      .pluck()
      .get(id) as string;
    expect((await adapter.getContact(remoteId)).books).toEqual([{ id: '2', name: '2' }]);

    editContact(db, id, { bookId: 'Suppliers' });
    const localBook = db
      .prepare(
        `SELECT b.name FROM contact_book_members m JOIN contact_books b ON b.id = m.book_id WHERE m.contact_id = ?`,
      )
      .pluck()
      .all(id);
    expect(localBook).toEqual(['Suppliers']);
    expect(await pushPendingChanges(db, accountId, adapter)).toMatchObject({
      pushed: 1,
      failed: 0,
    });
    expect((await adapter.getContact(remoteId)).books[0]?.id).toBe('3');
  });

  it('refuses a move to a book the account does not keep, and tags it has not got, before anything', () => {
    const id = db
      .prepare('SELECT id FROM contacts WHERE account_id = ?')
      .pluck()
      .get(accountId) as number;
    expect(() => editContact(db, id, { bookId: '99' })).toThrow(/no address book "99"/);
    expect(() => editContact(db, id, { addTags: ['vip'] })).toThrow(/no contact tags/);
    expect(
      db.prepare(`SELECT count(*) FROM pending_changes WHERE state = 'pending'`).pluck().get(),
    ).toBe(0);
  });
});
