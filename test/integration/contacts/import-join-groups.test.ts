import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../../electron/core/accounts/repository';
import type { ImportBookChoice } from '../../../electron/core/contacts-import/plan';
import { CoreContext } from '../../../electron/core/context';
import { createContactOffline, editContact } from '../../../electron/core/sync/contacts/edit';
import { ContactRuleError } from '../../../electron/core/sync/contacts/provider-rules';
import { syncContacts } from '../../../electron/core/sync/contacts/sync';
import { MemoryVault } from '../../../electron/core/vault/memory-vault';
import { type SandboxHandle, startSandbox } from '../../../electron/sandbox';
import { type IpcCall, ipcCaller, stageBytes } from '../../helpers/ipc';
import { tempDir } from '../../helpers/temp-dir';
import { nrs } from '../sandbox/helpers';

/**
 * A 360nrs contact is in several groups, so an import into a group can add
 * the contacts already there to it without taking them out of their others:
 * a pending change pushed as the contact's whole group list.
 */
let sandbox: SandboxHandle;
let dir: ReturnType<typeof tempDir>;
let core: CoreContext;
let accountId = 0;
let actionId = 0;
let call: IpcCall;

beforeAll(async () => {
  sandbox = await startSandbox({ demoData: false });
  dir = tempDir('outpost-contacts-groups-');
  const vault = new MemoryVault();
  core = new CoreContext({ dataDir: dir.path, version: 'test', vault });
  accountId = addAccount(core.db, {
    name: 'Clinic',
    provider: 'nrs',
    baseUrl: sandbox.apis.nrs.baseUrl,
    username: sandbox.apis.nrs.username,
    secretRef: vault.store('Clinic', sandbox.apis.nrs.password),
  }).id;
  actionId = addAccount(core.db, {
    name: 'Shop',
    provider: 'action',
    baseUrl: sandbox.apis.action.baseUrl,
    secretRef: vault.store('Shop', sandbox.apis.action.secretKey),
  }).id;
  call = ipcCaller(core);
});

afterAll(async () => {
  await core.close();
  await sandbox.close();
  dir.remove();
});

const sync = () => syncContacts(core.db, accountId, core.adapters.get(accountId));

/** The group names a contact is in at the provider, read over HTTP. */
async function groupsAtProvider(remoteId: string): Promise<string[]> {
  const r = await nrs(sandbox, 'GET', `/api/rest/contacts/${remoteId}?include=groups`);
  expect(r.status).toBe(200);
  const data = (r.json as { data: { groups: { data: { name: string }[] } } }).data;
  return data.groups.data.map((g) => g.name).sort();
}

const localBooks = (contactId: number) =>
  core.db
    .prepare(
      `SELECT b.name FROM contact_book_members m JOIN contact_books b ON b.id = m.book_id
       WHERE m.contact_id = ? ORDER BY b.name`,
    )
    .pluck()
    .all(contactId);

const remoteIdOf = (contactId: number) =>
  core.db.prepare('SELECT remote_id FROM contacts WHERE id = ?').pluck().get(contactId) as string;

const openPatches = (contactId: number) =>
  core.db
    .prepare("SELECT patch FROM pending_changes WHERE contact_id = ? AND state <> 'done'")
    .pluck()
    .all(contactId)
    .map((p) => JSON.parse(p as string));

/** Contacts already at the provider in the group "Dental"; returns their local ids. */
async function existing(phones: string[]): Promise<number[]> {
  const ids = phones.map((phone, i) =>
    createContactOffline(core.db, accountId, {
      phone,
      countryIso: 'ES',
      firstName: `Old ${i}`,
      bookNames: ['Dental'],
    }),
  );
  expect((await sync()).push.pushed).toBe(phones.length);
  return ids;
}

async function importInto(
  runId: string,
  phones: string[],
  book: ImportBookChoice,
  addExisting = true,
) {
  const csv = `Name,Phone\n${phones.map((p, i) => `Old ${i},+${p}`).join('\n')}\n`;
  const file = await stageBytes(call, `${runId}.csv`, Buffer.from(csv, 'utf8'));
  const check = await call('contactsImport.check', {
    runId,
    accountId,
    file,
    defaultCountry: 'ES',
    columns: { phone: 1, firstName: 0, custom: [] },
    book,
  });
  const run = await call('contactsImport.run', { runId, addExisting });
  return { check, run };
}

describe('a 360nrs import adds the contacts already here to the chosen group', () => {
  it('joins a new group, keeping the contacts in their other groups here and at the provider', async () => {
    const [a, b] = (await existing(['34622500001', '34622500002'])) as [number, number];
    const { check, run } = await importInto(
      'grp-1',
      ['34622500001', '34622500002', '34622500003'],
      { kind: 'new', name: 'Flu 2026' },
    );
    expect(check).toMatchObject({
      ok: true,
      report: { add: 1, unchanged: 2, joinable: 2, joinOnly: 2, join: 'join' },
    });
    expect(run).toMatchObject({ ok: true, added: 1, joined: 2, book: 'Flu 2026' });
    // At once, offline: in both books, with a pending change that names the book.
    for (const id of [a, b]) {
      expect(localBooks(id)).toEqual(['Dental', 'Flu 2026']);
      expect(openPatches(id)).toHaveLength(1);
      expect(Object.values(openPatches(id)[0])).toEqual(['add']);
    }
    const groups = await call('contacts.groups', { accountId });
    expect(groups.books).toContainEqual(expect.objectContaining({ name: 'Flu 2026', count: 3 }));

    // Someone adds contact b to another group at the provider meanwhile: that is kept too.
    const other = await nrs(sandbox, 'POST', '/api/rest/groups', { body: { name: 'Other' } });
    expect(other.status).toBe(201);
    const otherId = (other.json as { data: { id: number } }).data.id;
    const dental = (await nrs(sandbox, 'GET', '/api/rest/groups')).json as {
      data: { id: number; name: string }[];
    };
    const dentalId = dental.data.find((g) => g.name === 'Dental')?.id;
    const put = await nrs(sandbox, 'PUT', `/api/rest/contacts/${remoteIdOf(b)}`, {
      body: { groupsIds: [dentalId, otherId] },
    });
    expect(put.status).toBe(200);

    const synced = await sync();
    expect(synced.push).toMatchObject({ pushed: 3, conflicts: 0, failed: 0 });
    expect(await groupsAtProvider(remoteIdOf(a))).toEqual(['Dental', 'Flu 2026']);
    expect(await groupsAtProvider(remoteIdOf(b))).toEqual(['Dental', 'Flu 2026', 'Other']);
    expect(openPatches(a)).toEqual([]);
    // The group made by name got its provider id here, with no empty twin beside it.
    const flu = core.db
      .prepare('SELECT remote_id FROM contact_books WHERE account_id = ? AND name = ?')
      .pluck()
      .all(accountId, 'Flu 2026');
    expect(flu).toHaveLength(1);
    expect(flu[0]).not.toBeNull();
    expect(localBooks(b)).toEqual(['Dental', 'Flu 2026', 'Other']);
  });

  it('joins a group the provider already has by its id, and a re-import finds nothing to do', async () => {
    const [c] = (await existing(['34622500011'])) as [number];
    const flu = core.db
      .prepare('SELECT id FROM contact_books WHERE account_id = ? AND name = ?')
      .pluck()
      .get(accountId, 'Flu 2026') as number;
    const { run } = await importInto('grp-2', ['34622500011'], { kind: 'local', id: flu });
    expect(run).toMatchObject({ ok: true, added: 0, joined: 1 });
    expect((await sync()).push).toMatchObject({ pushed: 1, failed: 0 });
    expect(await groupsAtProvider(remoteIdOf(c))).toEqual(['Dental', 'Flu 2026']);

    const again = await importInto('grp-3', ['34622500011'], { kind: 'local', id: flu });
    expect(again.check).toMatchObject({ ok: true, report: { alreadyInBook: 1, joinable: 0 } });
    expect(again.run).toMatchObject({ ok: true, joined: 0 });
  });

  it('leaves the existing contacts out of the group when asked to', async () => {
    const [d] = (await existing(['34622500021'])) as [number];
    const { run } = await importInto(
      'grp-4',
      ['34622500021', '34622500022'],
      { kind: 'new', name: 'Recall' },
      false,
    );
    expect(run).toMatchObject({ ok: true, added: 1, joined: 0 });
    expect(localBooks(d)).toEqual(['Dental']);
    expect(openPatches(d)).toEqual([]);
  });

  it('a contact not yet at the provider is created in the group it joined', async () => {
    const e = createContactOffline(core.db, accountId, {
      phone: '34622500031',
      countryIso: 'ES',
      firstName: 'New',
      bookNames: ['Dental'],
    });
    const { run } = await importInto('grp-5', ['34622500031'], { kind: 'new', name: 'Walk-in' });
    expect(run).toMatchObject({ ok: true, joined: 1 });
    expect(openPatches(e)).toEqual([expect.objectContaining({ bookNames: ['Dental', 'Walk-in'] })]);
    expect((await sync()).push.failed).toBe(0);
    expect(await groupsAtProvider(remoteIdOf(e))).toEqual(['Dental', 'Walk-in']);
  });

  it('selected contacts join a group from the bulk bar, skipping those already in it', async () => {
    const [g, h] = (await existing(['34622500051', '34622500052'])) as [number, number];
    const flu = core.db
      .prepare('SELECT id FROM contact_books WHERE account_id = ? AND name = ?')
      .pluck()
      .get(accountId, 'Flu 2026') as number;
    const first = await call('contacts.bulk', {
      ids: [g],
      action: { kind: 'joinBook', bookId: flu },
    });
    expect(first).toMatchObject({ ok: true, changed: 1 });
    const both = await call('contacts.bulk', {
      ids: [g, h],
      action: { kind: 'joinBook', bookId: flu },
    });
    expect(both).toMatchObject({ ok: true, changed: 1 });
    expect((await sync()).push).toMatchObject({ pushed: 2, failed: 0 });
    for (const id of [g, h])
      expect(await groupsAtProvider(remoteIdOf(id))).toEqual(['Dental', 'Flu 2026']);
  });

  it('refuses a join on a provider whose contacts are in one book or none', () => {
    const f = createContactOffline(core.db, actionId, { phone: '34622500041', firstName: 'F' });
    expect(() => editContact(core.db, f, { joinBooks: [1] })).toThrow(ContactRuleError);
  });
});
