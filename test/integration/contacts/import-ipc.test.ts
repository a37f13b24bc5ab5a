import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../../electron/core/accounts/repository';
import { CoreContext } from '../../../electron/core/context';
import { MemoryVault } from '../../../electron/core/vault/memory-vault';
import { type SandboxHandle, startSandbox } from '../../../electron/sandbox';
import type { EventPayload } from '../../../shared/ipc/events';
import { type IpcCall, ipcCaller, stageBytes } from '../../helpers/ipc';
import { tempDir } from '../../helpers/temp-dir';
import { spanishMobile } from '../bulk/csv-gen';

let sandbox: SandboxHandle;
let dir: ReturnType<typeof tempDir>;
let core: CoreContext;
let accountId = 0;
let call: IpcCall;
const progress: EventPayload<'contactsImport.progress'>[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ demoData: false });
  dir = tempDir('outpost-contacts-import-');
  const vault = new MemoryVault();
  core = new CoreContext({ dataDir: dir.path, version: 'test', vault });
  accountId = addAccount(core.db, {
    name: 'Clinic',
    provider: 'nrs',
    baseUrl: sandbox.apis.nrs.baseUrl,
    username: sandbox.apis.nrs.username,
    secretRef: vault.store('Clinic', sandbox.apis.nrs.password),
  }).id;
  core.events.bus.subscribe((name, payload) => {
    if (name === 'contactsImport.progress')
      progress.push(payload as EventPayload<'contactsImport.progress'>);
  });
  call = ipcCaller(core);
});

afterAll(async () => {
  await core.close();
  await sandbox.close();
  dir.remove();
});

const stage = (name: string, bytes: Buffer) => stageBytes(call, name, bytes);

async function download(token: string): Promise<string> {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const r = await call('files.read', { token, offset });
    if (!r.ok) throw new Error(r.message);
    const chunk = Buffer.from(r.data, 'base64');
    parts.push(chunk);
    offset += chunk.length;
    if (r.done)
      return Buffer.concat(parts)
        .toString('utf8')
        .replace(/^\uFEFF/, '');
  }
}

/** An Excel-style export: Windows-1252, semicolons; row 4 a bad number, row 6 repeats row 2, row 8 a bad email. */
function patientsCsv(rows: number, start: number): Buffer {
  const lines = ['Nombre;Apellidos;Móvil;Correo;Notas'];
  for (let i = 0; i < rows; i++)
    lines.push(`José ${i};Núñez;${spanishMobile(start + i)};p${start + i}@example.es;nota ${i}`);
  lines[3] = 'Mal;Número;12;;'; // row 4
  lines[5] = `Otra vez;Igual;${spanishMobile(start)};;`; // row 6 repeats row 2
  lines[7] = `Ana;Ruiz;${spanishMobile(start + 6)};ana-at-example;`; // row 8
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'win1252');
}

const columns = {
  phone: 2,
  firstName: 0,
  lastName: 1,
  email: 3,
  custom: [{ column: 4, name: 'notes' }],
};

function counts() {
  return {
    contacts: core.db
      .prepare('SELECT count(*) FROM contacts WHERE account_id = ?')
      .pluck()
      .get(accountId) as number,
    pending: core.db.prepare('SELECT count(*) FROM pending_changes').pluck().get() as number,
    books: core.db.prepare('SELECT count(*) FROM contact_books').pluck().get() as number,
  };
}

async function bookCount(name: string): Promise<number | undefined> {
  const groups = await call('contacts.groups', { accountId });
  return groups.books.find((b) => b.name === name)?.count;
}

describe('importing contacts from a CSV into a book, over IPC', () => {
  it('reports bad rows by row and column and duplicates by row before writing anything, then imports into a new book', async () => {
    const file = await stage('pacientes.csv', patientsCsv(40, 500));
    const before = counts();
    progress.length = 0;
    const check = await call('contactsImport.check', {
      runId: 'check-1',
      accountId,
      file,
      defaultCountry: 'ES',
      columns,
      book: { kind: 'new', name: 'Patients' },
    });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const r = check.report;
    expect(r).toMatchObject({
      rows: 40,
      add: 37,
      update: 0,
      unchanged: 0,
      invalidCount: 2,
      duplicateCount: 1,
    });
    expect(r.book).toEqual({ name: 'Patients', isNew: true });
    expect(r.invalid).toEqual([
      expect.objectContaining({ row: 4, column: 'Móvil' }),
      expect.objectContaining({
        row: 8,
        column: 'Correo',
        reason: expect.stringMatching(/not an email/),
      }),
    ]);
    expect(r.duplicates).toEqual([{ row: 6, of: 2 }]);
    expect(progress.some((p) => p.runId === 'check-1' && p.phase === 'checking')).toBe(true);
    // The check wrote nothing.
    expect(counts()).toEqual(before);

    const run = await call('contactsImport.run', { runId: 'check-1' });
    expect(run).toEqual({
      ok: true,
      added: 37,
      updated: 0,
      joined: 0,
      unchanged: 0,
      skipped: 3,
      book: 'Patients',
      tag: null,
    });
    expect(counts().contacts).toBe(before.contacts + 37);
    expect(await bookCount('Patients')).toBe(37);
    // Each new contact is "not yet synced" until the sync loop pushes it, with its fields as read.
    const page = await call('contacts.page', {
      accountId,
      query: 'Núñez',
      offset: 0,
      limit: 100,
      withTotal: true,
    });
    expect(page.total).toBe(37);
    expect(page.contacts.every((c) => c.pending)).toBe(true);
    const one = page.contacts.find((c) => c.firstName === 'José 1');
    const detail = await call('contacts.get', { id: one?.id as number });
    expect(detail).toMatchObject({ email: 'p501@example.es', customFields: { notes: 'nota 1' } });
    // A second Import of the same check is refused rather than adding twice.
    expect(await call('contactsImport.run', { runId: 'check-1' })).toMatchObject({ ok: false });

    // The skipped rows download: every skipped row with its reason and its own cells.
    const skipped = await call('contactsImport.skipped', { runId: 'check-1' });
    expect(skipped).toMatchObject({ ok: true, rows: 3, name: 'pacientes-skipped.csv' });
    if (!skipped.ok) return;
    const parsed = Papa.parse<string[]>((await download(skipped.token)).trim()).data;
    expect(parsed.map((l) => [l[0], l[1]])).toEqual([
      ['row', 'problem'],
      ['4', 'invalid'],
      ['6', 'duplicate'],
      ['8', 'invalid'],
    ]);
    expect(parsed[3]?.slice(5)).toEqual(['Ana', 'Ruiz', spanishMobile(506), 'ana-at-example', '']);

    // The sync loop pushes them into a 360nrs group of that name, and the book keeps its count.
    const synced = await call('contacts.sync', { accountId });
    expect(synced).toMatchObject({ ok: true, pushed: 37 });
    expect(await bookCount('Patients')).toBe(37);
    const groups = await call('contacts.groups', { accountId });
    expect(groups.books.filter((b) => b.name === 'Patients')).toHaveLength(1);
    const after = await call('contacts.page', { accountId, query: 'Núñez', offset: 0, limit: 100 });
    expect(after.contacts.some((c) => c.pending)).toBe(false);
  });

  it('a re-import of the same file adds nothing: every row is already in the book; changed values are updates', async () => {
    const bytes = patientsCsv(40, 500);
    const before = counts();
    const groups = await call('contacts.groups', { accountId });
    const book = groups.books.find((b) => b.name === 'Patients');
    const file = await stage('pacientes.csv', bytes);
    const check = await call('contactsImport.check', {
      runId: 'check-2',
      accountId,
      file,
      defaultCountry: 'ES',
      columns,
      book: { kind: 'local', id: book?.id as number },
    });
    expect(check).toMatchObject({
      ok: true,
      report: {
        rows: 40,
        add: 0,
        update: 0,
        unchanged: 37,
        alreadyInBook: 37,
        invalidCount: 2,
        duplicateCount: 1,
      },
    });
    expect(await call('contactsImport.run', { runId: 'check-2' })).toMatchObject({
      ok: true,
      added: 0,
      updated: 0,
    });
    expect(counts()).toEqual(before);

    // The same numbers with a fixed surname: updates, never second copies.
    const fixed = iconv.encode(
      iconv.decode(bytes, 'win1252').replaceAll('Núñez', 'Núñez Gil'),
      'win1252',
    );
    const check3 = await call('contactsImport.check', {
      runId: 'check-3',
      accountId,
      file: await stage('pacientes.csv', fixed),
      defaultCountry: 'ES',
      columns,
      book: { kind: 'local', id: book?.id as number },
    });
    expect(check3).toMatchObject({ ok: true, report: { add: 0, update: 37, unchanged: 0 } });
    expect(await call('contactsImport.run', { runId: 'check-3' })).toMatchObject({
      ok: true,
      added: 0,
      updated: 37,
    });
    expect(counts().contacts).toBe(before.contacts);
    const page = await call('contacts.page', {
      accountId,
      query: 'Gil',
      offset: 0,
      limit: 100,
      withTotal: true,
    });
    expect(page.total).toBe(37);
  });

  it('Cancel while checking or while importing writes nothing', async () => {
    const file = await stage('big.csv', patientsCsv(3_000, 10_000));
    const before = counts();
    // Cancel during the check.
    const checking = call('contactsImport.check', {
      runId: 'cancel-check',
      accountId,
      file,
      defaultCountry: 'ES',
      columns,
      book: { kind: 'new', name: 'Big' },
    });
    expect(await call('contactsImport.cancel', { runId: 'cancel-check' })).toEqual({
      cancelled: true,
    });
    expect(await checking).toMatchObject({ ok: false, cancelled: true });

    // Cancel after the first chunk of contacts was written: they are taken back, the new book too.
    const check = await call('contactsImport.check', {
      runId: 'cancel-run',
      accountId,
      file,
      defaultCountry: 'ES',
      columns,
      book: { kind: 'new', name: 'Big' },
    });
    expect(check).toMatchObject({ ok: true, report: { add: 2_997 } });
    progress.length = 0;
    let cancelled = false;
    const off = core.events.bus.subscribe((name, payload) => {
      const p = payload as EventPayload<'contactsImport.progress'>;
      if (name === 'contactsImport.progress' && p.phase === 'importing' && !cancelled) {
        cancelled = true;
        void call('contactsImport.cancel', { runId: 'cancel-run' });
      }
    });
    const run = await call('contactsImport.run', { runId: 'cancel-run' });
    off();
    expect(cancelled).toBe(true);
    expect(run).toMatchObject({ ok: false, cancelled: true });
    expect(counts()).toEqual(before);
    expect(await bookCount('Big')).toBeUndefined();
  });

  it('a file that cannot be read is refused with its row, and nothing already saved is touched', async () => {
    const before = counts();
    const broken = Buffer.from(
      `Nombre;Móvil\r\nAna;${spanishMobile(1)}\r\n"Luis;${spanishMobile(2)}\r\n`,
    );
    const check = await call('contactsImport.check', {
      runId: 'broken',
      accountId,
      file: await stage('roto.csv', broken),
      defaultCountry: 'ES',
      columns: { phone: 1, firstName: 0, custom: [] },
      book: { kind: 'new', name: 'Broken' },
    });
    expect(check).toMatchObject({
      ok: false,
      cancelled: false,
      row: 3,
      message: expect.stringMatching(/never closed/),
    });
    // A column the provider cannot keep is one sentence before the file is read.
    const wide = await call('contactsImport.check', {
      runId: 'wide',
      accountId,
      file: await stage('ok.csv', Buffer.from(`Nombre;Móvil\r\nAna;${spanishMobile(1)}\r\n`)),
      columns: { phone: 7, custom: [] },
      book: { kind: 'new', name: 'Broken' },
    });
    expect(wide).toMatchObject({ ok: false, message: 'The file has no column 8.' });
    expect(counts()).toEqual(before);
  });
});
