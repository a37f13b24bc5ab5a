import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../../../electron/sandbox';
import { addNrsAccountArgs, runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

let sandbox: SandboxHandle;
let dir: ReturnType<typeof tempDir>;

async function cli(args: string[]) {
  return runCli(['--data-dir', dir.path, ...args], { NRS_SECRET: sandbox.apis.nrs.password });
}

beforeAll(async () => {
  sandbox = await startSandbox({ demoData: true });
  dir = tempDir('outpost-contacts-cli-');
  const add = await cli(addNrsAccountArgs('Main', sandbox.apis.nrs, 'NRS_SECRET'));
  expect(add.code, add.stderr).toBe(0);
});
afterAll(async () => {
  await sandbox.close();
  dir.remove();
});

describe('outpost contacts', () => {
  it('syncs the provider’s books and finds contacts by name, offline', async () => {
    const sync = await cli(['contacts', 'sync', '--account', 'Main', '--json']);
    expect(sync.code, sync.stderr).toBe(0);
    const report = JSON.parse(sync.stdout);
    expect(report.pull.contacts).toBeGreaterThan(100);
    const list = await cli(['contacts', 'list', '--search', 'mart', '--json']);
    const found = JSON.parse(list.stdout) as { lastName: string; firstName: string }[];
    expect(found.length).toBeGreaterThan(0);
    for (const c of found) expect(`${c.firstName} ${c.lastName}`).toMatch(/mart/i);
  });

  it('imports a European Excel CSV (semicolons, Windows-1252), reports bad rows, and pushes at the next sync', async () => {
    const csv = join(dir.path, 'clientes.csv');
    const text =
      'Nombre;Apellidos;Móvil;Ciudad\r\nJosé;Núñez;612 345 678;Sevilla\r\nAna;Peña;no tiene;Cádiz\r\n';
    writeFileSync(csv, iconv.encode(text, 'win1252'));
    const imported = await cli([
      'contacts',
      'import',
      '--account',
      'Main',
      '--csv',
      csv,
      '--default-country',
      'ES',
      '--json',
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    const report = JSON.parse(imported.stdout);
    expect(report).toMatchObject({
      rows: 2,
      added: 1,
      book: 'Imported by Outpost',
      invalid: [{ row: 3, column: 'Móvil' }],
    });
    expect(report.sniff.encoding.name).toBe('windows-1252');

    const pending = await cli(['contacts', 'list', '--search', 'núñez', '--json']);
    expect(JSON.parse(pending.stdout)).toEqual([
      expect.objectContaining({
        firstName: 'José',
        lastName: 'Núñez',
        phone: '34612345678',
        pending: true,
      }),
    ]);
    const sync = await cli(['contacts', 'sync', '--account', 'Main', '--json']);
    expect(JSON.parse(sync.stdout).push.pushed).toBe(1);
    const after = await cli(['contacts', 'list', '--search', 'núñez', '--json']);
    expect(JSON.parse(after.stdout)).toEqual([
      expect.objectContaining({ phone: '34612345678', pending: false }),
    ]);
  });

  it('adds nothing on a second import of the same file, and names a bad row by row and column', async () => {
    const csv = join(dir.path, 'pacientes.csv');
    writeFileSync(
      csv,
      'Nombre,Teléfono,Email\nLucía,+34 611 200 301,lucia@example.com\nMarta,+34 611 200 302,sin-arroba\nPablo,+34 611 200 303,\n',
    );
    const args = ['contacts', 'import', '--account', 'Main', '--csv', csv, '--book', 'Pacientes'];
    const first = await cli([...args, '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      rows: 3,
      added: 2,
      skipped: 1,
      book: 'Pacientes',
      invalid: [{ row: 3, column: 'Email', reason: '"sin-arroba" is not an email address.' }],
    });
    const again = await cli(args);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(
      /^Added 0 of 3 rows to "Pacientes"; 0 updated, 2 already there, 1 skipped\./m,
    );
    expect(again.stdout).toMatch(
      /^row 3, column "Email": "sin-arroba" is not an email address\.$/m,
    );
    const found = await cli(['contacts', 'list', '--search', '611200301', '--json']);
    expect(JSON.parse(found.stdout)).toHaveLength(1);
  });

  it('refuses an unknown column as bad usage (exit 2), importing nothing', async () => {
    const csv = join(dir.path, 'otra.csv');
    writeFileSync(csv, 'Nombre,Teléfono\nRosa,+34 611 200 399\n');
    const r = await cli([
      'contacts',
      'import',
      '--account',
      'Main',
      '--csv',
      csv,
      '--phone-column',
      'Fax',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^outpost: The file has no column "Fax"/m);
    const found = await cli(['contacts', 'list', '--search', '611200399', '--json']);
    expect(JSON.parse(found.stdout)).toEqual([]);
  });

  it('names the problem when the file cannot be read, importing nothing', async () => {
    const empty = join(dir.path, 'empty.csv');
    writeFileSync(empty, '');
    const r = await cli(['contacts', 'import', '--account', 'Main', '--csv', empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^outpost: The file is empty\./m);
  });
});
