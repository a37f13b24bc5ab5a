import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../../electron/core/accounts/repository';
import { type CsvEncoding, importBulk } from '../../../electron/core/bulk';
import type { Db } from '../../../electron/core/db/connection';
import { openAppDatabase } from '../../../electron/core/db/database';
import { tempDir } from '../../helpers/temp-dir';

/** Valid mobiles of several countries, each in three spellings a spreadsheet might hold. */
const PHONES = [
  ['34612345678', '+34 612 34 56 78', '0034612345678'],
  ['33612345678', '+33 6 12 34 56 78', '0033612345678'],
  ['351912345678', '+351 912 345 678', '00351912345678'],
  ['4915123456789', '+49 1512 3456789', '004915123456789'],
  ['447911123456', '+44 7911 123456', '00447911123456'],
  ['12125550123', '+1 (212) 555-0123', '0012125550123'],
] as const;

const ENCODINGS: { name: string; bom: boolean; iconv: string; override?: CsvEncoding }[] = [
  { name: 'utf-8', bom: false, iconv: 'utf8' },
  { name: 'utf-8 BOM', bom: true, iconv: 'utf8' },
  { name: 'utf-16le BOM', bom: true, iconv: 'utf16le' },
  { name: 'utf-16be BOM', bom: true, iconv: 'utf16be' },
  // Short legacy text can be valid UTF-8 by accident ("Ã©"); the person overrides the guess then.
  { name: 'windows-1252', bom: false, iconv: 'win1252', override: 'windows-1252' },
];

const dir = tempDir('outpost-bulk-prop-');
let db: Db;
let accountId: number;
beforeAll(() => {
  db = openAppDatabase(dir.path);
  accountId = addAccount(db, {
    name: 'A',
    provider: 'nrs',
    baseUrl: 'http://127.0.0.1:1/nrs',
    secretRef: 'env:X',
  }).id;
});
afterAll(() => {
  db.close();
  dir.remove();
});

// Names with the characters that break naive CSV code: delimiters, quotes, line breaks, formula signs, accents.
const nameChar = fc.constantFrom(...'abcXYZ ,;\t"\'\n=+-@éñçüÇ€ÿ0123456789');
const name = fc
  .array(nameChar, { minLength: 1, maxLength: 16 })
  .map((cs) => cs.join(''))
  .filter((s) => s.trim() !== '' && !/^\s*\n/.test(s));
const row = fc.record({ name, phone: fc.nat(PHONES.length - 1), spelling: fc.nat(2), note: name });

describe('CSV written by a spreadsheet-like writer reads back exactly', () => {
  it('any names, delimiters, encodings and number spellings: each first number is queued once with its row', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 25 }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom(...ENCODINGS),
        fc.constantFrom('\n', '\r\n'),
        async (rows, delimiter, encoding, newline) => {
          const table = [
            ['name', 'phone', 'note'],
            ...rows.map((r) => [r.name, PHONES[r.phone]?.[r.spelling] ?? '', r.note]),
          ];
          const text = `${encoding.bom ? '\uFEFF' : ''}${Papa.unparse(table, { delimiter, newline, quotes: false })}${newline}`;
          const bytes = iconv.encode(text, encoding.iconv);
          // Only text the legacy code page can hold goes out in it.
          fc.pre(iconv.decode(bytes, encoding.iconv) === text);
          const path = join(dir.path, `p${run++}.csv`);
          writeFileSync(path, bytes);
          const report = await importBulk(
            {
              csvPath: path,
              template: '{name}|{note}',
              ...(encoding.override ? { encoding: encoding.override } : {}),
            },
            { db, accountId, sender: 'S', jobName: `p${run}` },
          );
          const firstOf = new Map<number, (typeof rows)[number]>();
          for (const r of rows) if (!firstOf.has(r.phone)) firstOf.set(r.phone, r);
          expect(report.file.delimiter.char).toBe(delimiter);
          expect(report.file.columns).toEqual(['name', 'phone', 'note']);
          expect(report).toMatchObject({
            rows: rows.length,
            valid: firstOf.size,
            duplicates: rows.length - firstOf.size,
            invalidCount: 0,
          });
          const queued = db
            .prepare('SELECT recipient, body FROM messages WHERE job_id = ? ORDER BY id')
            .all(report.jobId) as { recipient: string; body: string }[];
          expect(queued).toEqual(
            [...firstOf.entries()].map(([p, r]) => ({
              recipient: PHONES[p]?.[0],
              body: `${r.name}|${r.note}`,
            })),
          );
        },
      ),
      { numRuns: 80 },
    );
  }, 60_000);
});
