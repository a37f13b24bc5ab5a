import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateAccountBooks } from '../../../electron/core/accounts/books';
import { addAccount } from '../../../electron/core/accounts/repository';
import { CoreContext } from '../../../electron/core/context';
import { createContactOffline } from '../../../electron/core/sync/contacts/edit';
import { syncContacts } from '../../../electron/core/sync/contacts/sync';
import { MemoryVault } from '../../../electron/core/vault/memory-vault';
import { type SandboxHandle, startSandbox } from '../../../electron/sandbox';
import { type IpcCall, ipcCaller, stageBytes } from '../../helpers/ipc';
import { tempDir } from '../../helpers/temp-dir';

/**
 * The contacts import for providers that sort contacts by tag (tags API) or
 * keep each in one book (address-book API): the existing contacts of the file
 * can join the chosen tag or book, as the pending change the editor makes.
 */
let sandbox: SandboxHandle;
let dir: ReturnType<typeof tempDir>;
let core: CoreContext;
let tagsId = 0;
let booksId = 0;
let call: IpcCall;

beforeAll(async () => {
  // The demo data gives the address-book simulator its books 1–3.
  sandbox = await startSandbox({ demoData: true });
  dir = tempDir('outpost-contacts-join-');
  const vault = new MemoryVault();
  core = new CoreContext({ dataDir: dir.path, version: 'test', vault });
  tagsId = addAccount(core.db, {
    name: 'Vet',
    provider: 'tags',
    baseUrl: sandbox.apis.tags.baseUrl,
    secretRef: vault.store('Vet', sandbox.apis.tags.apiKey),
  }).id;
  booksId = addAccount(core.db, {
    name: 'Dentist',
    provider: 'addressbook',
    baseUrl: sandbox.apis.addressbook.baseUrl,
    secretRef: vault.store('Dentist', sandbox.apis.addressbook.token),
  }).id;
  updateAccountBooks(core.db, booksId, {
    add: [
      { id: '2', name: 'Adults' },
      { id: '3', name: 'Children' },
    ],
  });
  call = ipcCaller(core);
});

afterAll(async () => {
  await core.close();
  await sandbox.close();
  dir.remove();
});

const stage = (name: string, text: string) => stageBytes(call, name, Buffer.from(text, 'utf8'));

function pendingOf(contactId: number) {
  return core.db
    .prepare("SELECT op, patch FROM pending_changes WHERE contact_id = ? AND state <> 'done'")
    .all(contactId) as { op: string; patch: string }[];
}

const tagsOf = (contactId: number) =>
  core.db.prepare('SELECT tag FROM contact_tags WHERE contact_id = ?').pluck().all(contactId);

/** Two contacts already at the provider (pushed by a sync); returns their local ids. */
async function existing(accountId: number, phones: string[], extra: object = {}) {
  const ids = phones.map((phone, i) =>
    createContactOffline(core.db, accountId, { phone, firstName: `Old ${i}`, ...extra }),
  );
  const report = await syncContacts(core.db, accountId, core.adapters.get(accountId));
  expect(report.push.pushed).toBe(phones.length);
  return ids;
}

/** Rows named as existing() names them ("Old 0", "Old 1"…), so a known contact has nothing new. */
const CSV = (phones: string[]) =>
  `Name,Phone\n${phones.map((p, i) => `Old ${i},+${p}`).join('\n')}\nBad,12\n`;

describe('a tags account imports with a tag instead of a book', () => {
  it('tags the new contacts, and on request the existing ones, as pending changes a sync pushes', async () => {
    const [old1, old2] = await existing(tagsId, ['34611400001', '34611400002']);
    const file = await stage(
      'mascotas.csv',
      CSV(['34611400001', '34611400002', '34611400003', '34611400004']),
    );
    const check = await call('contactsImport.check', {
      runId: 'tag-1',
      accountId: tagsId,
      file,
      defaultCountry: 'ES',
      columns: { phone: 1, firstName: 0, custom: [] },
      book: { kind: 'tag', name: 'Vacuna 2026' },
    });
    expect(check).toMatchObject({
      ok: true,
      report: { add: 2, unchanged: 2, joinable: 2, joinOnly: 2, join: 'tag', tag: 'Vacuna 2026' },
    });
    const run = await call('contactsImport.run', { runId: 'tag-1', addExisting: true });
    expect(run).toMatchObject({ ok: true, added: 2, joined: 2, tag: 'Vacuna 2026' });
    for (const id of [old1, old2]) {
      expect(tagsOf(id as number)).toEqual(['Vacuna 2026']);
      expect(pendingOf(id as number)).toEqual([
        { op: 'update', patch: JSON.stringify({ 'tag:Vacuna 2026': 'add' }) },
      ]);
    }
    const groups = await call('contacts.groups', { accountId: tagsId });
    expect(groups.tags).toContainEqual({ name: 'Vacuna 2026', count: 4 });

    // The sync pushes the creates with the tag and the tag additions; the pull reads them back.
    const synced = await syncContacts(core.db, tagsId, core.adapters.get(tagsId));
    expect(synced.push).toMatchObject({ pushed: 4, conflicts: 0 });
    const remoteIds = core.db
      .prepare(
        `SELECT remote_id FROM contacts WHERE account_id = ? AND phone LIKE '%61140000_' ORDER BY phone`,
      )
      .pluck()
      .all(tagsId) as string[];
    expect(remoteIds).toHaveLength(4);
    for (const id of remoteIds) {
      const r = await fetch(`${sandbox.apis.tags.baseUrl}/v1/contacts/${id}`, {
        headers: { 'x-api-key': sandbox.apis.tags.apiKey },
      });
      expect(((await r.json()) as { tags: string[] }).tags).toContain('Vacuna 2026');
    }

    // A second import of the file finds all four already tagged: nothing to do.
    const again = await call('contactsImport.check', {
      runId: 'tag-2',
      accountId: tagsId,
      file: await stage('mascotas.csv', CSV(['34611400001', '34611400003'])),
      defaultCountry: 'ES',
      columns: { phone: 1, firstName: 0, custom: [] },
      book: { kind: 'tag', name: 'Vacuna 2026' },
    });
    expect(again).toMatchObject({ ok: true, report: { add: 0, alreadyInBook: 2, joinable: 0 } });
  });

  it('leaves the existing contacts untagged when asked to', async () => {
    const [old] = await existing(tagsId, ['34611400011']);
    await call('contactsImport.check', {
      runId: 'tag-3',
      accountId: tagsId,
      file: await stage('m.csv', CSV(['34611400011', '34611400012'])),
      defaultCountry: 'ES',
      columns: { phone: 1, firstName: 0, custom: [] },
      book: { kind: 'tag', name: 'Revisión' },
    });
    expect(await call('contactsImport.run', { runId: 'tag-3', addExisting: false })).toMatchObject({
      ok: true,
      added: 1,
      joined: 0,
    });
    expect(tagsOf(old as number)).toEqual([]);
    expect(pendingOf(old as number)).toEqual([]);
  });

  it('skips a new contact without a name, which the tags API would refuse, naming the row', async () => {
    const check = await call('contactsImport.check', {
      runId: 'tag-4',
      accountId: tagsId,
      file: await stage('n.csv', 'Name,Phone\n,+34611400031\nLuz,+34611400032\n'),
      defaultCountry: 'ES',
      columns: { phone: 1, firstName: 0, custom: [] },
      book: { kind: 'none' },
    });
    expect(check).toMatchObject({
      ok: true,
      report: {
        add: 1,
        invalid: [
          { row: 2, column: 'Name', reason: 'The tags API needs a name for a new contact.' },
        ],
      },
    });
  });

  it('refuses a tag where the provider has none, and a book where it keeps none', async () => {
    const file = await stage('x.csv', CSV(['34611400021']));
    const base = {
      accountId: booksId,
      file,
      defaultCountry: 'ES',
      columns: { phone: 1, firstName: 0, custom: [] },
    };
    expect(
      await call('contactsImport.check', {
        ...base,
        runId: 'r-1',
        book: { kind: 'tag', name: 'VIP' },
      }),
    ).toMatchObject({ ok: false, message: 'The addressbook API has no contact tags.' });
    expect(
      await call('contactsImport.check', {
        ...base,
        runId: 'r-2',
        accountId: tagsId,
        book: { kind: 'new', name: 'Clientes' },
      }),
    ).toMatchObject({ ok: false, message: 'The tags API keeps no contact books.' });
  });
});

describe('an address-book account moves the existing contacts into the chosen book', () => {
  it('as the editor’s "move to book" change, and a Cancel takes it back with the new contacts', async () => {
    const [old] = await existing(booksId, ['34611500001'], { bookIds: ['2'] });
    const rows = [
      '34611500001',
      ...Array.from({ length: 600 }, (_, i) => `346115${String(10_000 + i)}`),
    ];
    const file = await stage('ninos.csv', CSV(rows));
    const request = {
      accountId: booksId,
      file,
      defaultCountry: 'ES',
      columns: { phone: 1, firstName: 0, custom: [] },
      book: { kind: 'provider' as const, id: '3' },
    };
    // Cancelled after the first chunk: neither the new contacts nor the move are kept.
    const check = await call('contactsImport.check', { ...request, runId: 'ab-1' });
    expect(check).toMatchObject({
      ok: true,
      report: { add: 600, joinable: 1, joinOnly: 1, join: 'move' },
    });
    const off = core.events.bus.subscribe((name) => {
      if (name === 'contactsImport.progress') void call('contactsImport.cancel', { runId: 'ab-1' });
    });
    const cancelled = await call('contactsImport.run', { runId: 'ab-1', addExisting: true });
    off();
    expect(cancelled).toMatchObject({ ok: false, cancelled: true });
    expect(pendingOf(old as number)).toEqual([]);
    const inBook = (bookRemote: string) =>
      core.db
        .prepare(
          `SELECT count(*) FROM contact_book_members m JOIN contact_books b ON b.id = m.book_id
           WHERE b.account_id = ? AND b.remote_id = ? AND m.contact_id = ?`,
        )
        .pluck()
        .get(booksId, bookRemote, old);
    expect(inBook('3')).toBe(0);

    // Imported (a short file, so the sync below stays quick): moved, and pushed as a move.
    await call('contactsImport.check', {
      ...request,
      file: await stage('ninos-2.csv', CSV(['34611500001', '34611500002'])),
      runId: 'ab-2',
    });
    expect(await call('contactsImport.run', { runId: 'ab-2', addExisting: true })).toMatchObject({
      ok: true,
      added: 1,
      joined: 1,
      book: 'Children',
    });
    expect(pendingOf(old as number)).toEqual([
      { op: 'update', patch: JSON.stringify({ bookId: '3' }) },
    ]);
    expect(inBook('3')).toBe(1);
    const synced = await syncContacts(core.db, booksId, core.adapters.get(booksId));
    expect(synced.push).toMatchObject({ pushed: 2, conflicts: 0, failed: 0 });
    expect(pendingOf(old as number)).toEqual([]);
  });
});
