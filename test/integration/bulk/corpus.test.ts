import { closeSync, ftruncateSync, openSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import {
  analyzeBulk,
  BulkOptionError,
  type BulkOptions,
  CsvFileError,
} from '../../../electron/core/bulk';
import { tempDir } from '../../helpers/temp-dir';

const FIXTURES = resolve(__dirname, '..', '..', 'fixtures', 'csv');
const tmp = tempDir('outpost-bulk-corpus-');
afterAll(() => tmp.remove());

function run(file: string, extra: Partial<BulkOptions> = {}) {
  return analyzeBulk({
    csvPath: join(FIXTURES, file),
    template: 'Hi {name}',
    defaultCountry: 'ES',
    ...extra,
  });
}

function temp(name: string, data: string | Uint8Array): string {
  const path = join(tmp.path, name);
  writeFileSync(path, data);
  return path;
}

describe('encodings and dialects', () => {
  it('UTF-8 with BOM and ";" with decimal commas: the BOM stays out of the first header', async () => {
    const r = await run('utf8-bom-semicolon-decimal.csv', {
      template: 'Hola {Nombre}, debes {Importe} EUR',
    });
    expect(r.file.encoding).toMatchObject({ name: 'utf-8', bomBytes: 3, guessed: true });
    expect(r.file.delimiter.char).toBe(';');
    expect(r.file.columns).toEqual(['Nombre', 'Teléfono móvil', 'Importe']);
    expect(r.file.mapping.phone).toEqual({ column: 'Teléfono móvil', by: 'header' });
    expect(r.preview.first.map((p) => p.text)).toEqual([
      'Hola Ana, debes 12,50 EUR',
      'Hola Luis, debes 3,75 EUR',
      'Hola María, debes 100,00 EUR',
    ]);
  });

  it.each(['utf16le-tab.csv', 'utf16be-tab.csv'])(
    'Excel "Unicode text" %s: UTF-16, tab, CRLF',
    async (file) => {
      const r = await run(file, { template: 'Bonjour {Prénom} de {Ville}' });
      expect(r.file.encoding.name).toBe(file.includes('le') ? 'utf-16le' : 'utf-16be');
      expect(r.file.delimiter.char).toBe('\t');
      expect(r.file.columns[0]).toBe('Prénom');
      expect(r.valid).toBe(2);
      expect(r.preview.first.map((p) => [p.to, p.text])).toEqual([
        ['33612345678', 'Bonjour Amélie de Lyon'],
        ['33612345679', 'Bonjour Jérôme de Nîmes'],
      ]);
    },
  );

  it('Windows-1252 is guessed, shown, and decoded (ã, ç, €)', async () => {
    const r = await run('cp1252-semicolon.csv', {
      defaultCountry: 'PT',
      template: 'Olá {Nome}: {Saldo}',
    });
    expect(r.file.encoding).toMatchObject({ name: 'windows-1252', guessed: true });
    expect(r.file.preview[0]).toEqual(['João', '912345678', '10,5 €']);
    expect(r.preview.first[1]?.text).toBe('Olá Conceição: 7,25 €');
  });

  it('an overridden encoding is used and marked as chosen', async () => {
    const r = await run('cp1252-semicolon.csv', { defaultCountry: 'PT', encoding: 'iso-8859-1' });
    expect(r.file.encoding).toMatchObject({ name: 'iso-8859-1', guessed: false });
    expect(r.file.preview[1]?.[0]).toBe('Conceição');
  });

  it('quoted cells keep delimiters, doubled quotes and line breaks; blank rows are skipped but counted', async () => {
    const r = await run('quoted-multiline.csv', { template: '{name}: {note}' });
    expect(r.rows).toBe(3);
    expect(r.blankRows).toBe(3);
    expect(r.preview.first.map((p) => [p.row, p.text])).toEqual([
      [2, 'Smith, Ann: She said "hi"\r\nand left'],
      [4, "O'Brien: plain"],
      [7, 'Zoe: a,b,c'],
    ]);
  });

  it('a file without a header is recognised by its numbers; columns become col1, col2', async () => {
    const r = await run('no-header.csv', { template: 'Hi {col2}' });
    expect(r.file.header).toEqual({ present: false, guessed: true });
    expect(r.file.mapping.phone).toEqual({ column: 'col1', by: 'content' });
    expect(r.rows).toBe(2);
    expect(r.preview.first.map((p) => p.row)).toEqual([1, 2]);
  });

  it('the phone column can be named by the person', async () => {
    const r = await run('utf8-comma.csv', {
      phoneColumn: 'PHONE',
      template: 'Hi {name} in {city}',
    });
    expect(r.file.mapping.phone).toEqual({ column: 'phone', by: 'option' });
    await expect(run('utf8-comma.csv', { phoneColumn: 'mobile' })).rejects.toThrow(
      /no column "mobile"; its columns are "name", "phone", "city"/,
    );
  });
});

describe('row problems are reported per row with the column and the reason', () => {
  it('problems.csv', async () => {
    const r = await run('problems.csv');
    expect(r).toMatchObject({ rows: 8, valid: 2, duplicates: 1, invalidCount: 5, suppressed: 0 });
    expect(r.duplicateRows).toEqual([{ row: 3, of: 2 }]);
    expect(r.invalid.map((i) => [i.row, i.code, i.column])).toEqual([
      [4, 'not-mobile', 'phone'],
      [5, 'invalid-number', 'phone'],
      [6, 'missing-field', 'name'],
      [7, 'invalid-number', 'phone'],
      [8, 'invalid-number', 'phone'],
    ]);
    expect(r.invalid[1]?.reason).toMatch(/scientific notation/);
    expect(r.invalid[4]?.reason).toMatch(/too short/);
    expect(r.segments).toEqual({ min: 1, max: 1, total: 2 });
    expect(r.rows).toBe(r.valid + r.invalidCount + r.duplicates + r.suppressed);
  });

  it('a 10,000-character row is one invalid row; the rest import', async () => {
    const path = temp(
      'long-row.csv',
      `name,phone\nAna,612345678\n${'x'.repeat(10_000)},612345679\nEva,612345680\n`,
    );
    const r = await analyzeBulk({ csvPath: path, template: 'Hi', defaultCountry: 'ES' });
    expect(r.valid).toBe(2);
    expect(r.invalid).toEqual([expect.objectContaining({ row: 3, code: 'row-shape' })]);
    expect(r.invalid[0]?.reason).toMatch(/10,009 characters long/);
  });

  it('the longest message is previewed', async () => {
    const r = await run('utf8-comma.csv', { template: 'Hi {name} from {city}' });
    expect(r.preview.longest).toMatchObject({ row: 4, text: 'Hi çeyda from Valencia, Spain' });
  });
});

describe('files that cannot be imported get one sentence, naming the row', () => {
  it.each([
    ['empty.csv', /The file is empty/],
    ['blank.csv', /no rows/],
    ['header-only.csv', /header but no data rows/],
    ['binary.bin', /binary/],
    ['workbook.xlsx', /Excel workbook.*save it as CSV/],
    ['mismatched-quote.csv', /^Row 4 opens a quoted field that is never closed/],
  ])('%s', async (file, message) => {
    const error = await run(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvFileError);
    expect((error as Error).message).toMatch(message);
  });

  it('a 200 MB file is refused before it is read', async () => {
    const path = join(tmp.path, 'huge.csv');
    writeFileSync(path, 'name,phone\n');
    const fd = openSync(path, 'r+');
    ftruncateSync(fd, 200 * 1024 * 1024);
    closeSync(fd);
    await expect(analyzeBulk({ csvPath: path, template: 'Hi' })).rejects.toThrow(
      /200 MiB; bulk import takes files up to 100 MiB.*Split it/,
    );
  });

  it('a header of 1,000 columns is refused, naming row 1', async () => {
    const header = ['phone', ...Array.from({ length: 999 }, (_, i) => `c${i}`)].join(',');
    const path = temp('wide.csv', `${header}\n612345678${','.repeat(999)}\n`);
    const error = await analyzeBulk({ csvPath: path, template: 'Hi' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ row: 1 });
    expect((error as Error).message).toMatch(
      /^Row 1 has 1000 columns; bulk import takes at most 500/,
    );
  });

  it('UTF-8 that breaks after the sniffed head names the row and suggests the encoding', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `Ana,6${String(12_000_000 + i)}`);
    const tail = iconv.encode('José,699999999\n', 'win1252');
    const path = temp(
      'mixed.csv',
      Buffer.concat([Buffer.from(`name,phone\n${rows.join('\n')}\n`), tail]),
    );
    const error = await analyzeBulk({ csvPath: path, template: 'Hi', defaultCountry: 'ES' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CsvFileError);
    expect((error as Error).message).toMatch(/^Row 10002 is not valid UTF-8.*windows-1252/);
  });

  it('a missing file, a folder, an unknown template field are option errors (usage)', async () => {
    await expect(
      analyzeBulk({ csvPath: join(tmp.path, 'nope.csv'), template: 'x' }),
    ).rejects.toThrow(/Cannot read .*ENOENT/);
    await expect(analyzeBulk({ csvPath: tmp.path, template: 'x' })).rejects.toBeInstanceOf(
      BulkOptionError,
    );
    await expect(run('utf8-comma.csv', { template: 'Hi {surname}' })).rejects.toThrow(
      /uses \{surname\} but the file has no such column; its merge fields are \{name\}, \{phone\}, \{city\}/,
    );
  });
});
