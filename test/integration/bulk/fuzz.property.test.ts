import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeBulk, BulkOptionError, CsvFileError } from '../../../electron/core/bulk';
import { tempDir } from '../../helpers/temp-dir';

const dir = tempDir('outpost-bulk-fuzz-');
afterAll(() => dir.remove());

// Text made of the characters CSV parsing is sensitive to, plus digits that can form numbers.
const csvish = fc
  .array(
    fc.constantFrom(
      ...'ab,;\t"\'\r\n \u00e9+0612345789'.split(''),
      'phone',
      'name',
      '+34 612 345 678',
    ),
    {
      maxLength: 300,
    },
  )
  .map((parts) => parts.join(''));

// A file shaped like a real export: a header with a phone column, a delimiter, rows whose cells
// mix good and bad numbers with CSV-sensitive text, quoted or not, in one of the usual encodings.
const phoneCell = fc.oneof(
  fc.integer({ min: 600_000_000, max: 799_999_999 }).map((n) => `+34 ${n}`),
  fc.integer({ min: 600_000_000, max: 799_999_999 }).map(String),
  fc.stringMatching(/^\+?[0-9 ()-]{0,14}$/),
  csvish.map((s) => s.slice(0, 20)),
);
const textCell = csvish.map((s) => s.slice(0, 40));
const cell = (inner: fc.Arbitrary<string>) =>
  fc.tuple(inner, fc.boolean()).map(([v, quoted]) => (quoted ? `"${v.replaceAll('"', '""')}"` : v));
const shaped = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t'),
    newline: fc.constantFrom('\n', '\r\n'),
    header: fc.constantFrom(['phone', 'name'], ['Teléfono', 'Nombre'], ['name', 'mobile']),
    rows: fc.array(fc.tuple(cell(phoneCell), cell(textCell)), { minLength: 1, maxLength: 30 }),
    encoding: fc.constantFrom('utf8', 'utf8-bom', 'utf16le-bom', 'latin1'),
  })
  .map(({ delimiter, newline, header, rows, encoding }) => {
    const phoneFirst = header[0] !== 'name';
    const lines = [
      header.join(delimiter),
      ...rows.map(([p, t]) => (phoneFirst ? [p, t] : [t, p]).join(delimiter)),
    ];
    const text = lines.join(newline);
    if (encoding === 'utf8') return new Uint8Array(Buffer.from(text, 'utf8'));
    if (encoding === 'utf8-bom') return new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf8'));
    if (encoding === 'utf16le-bom') return new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf16le'));
    return new Uint8Array(Buffer.from(text, 'latin1'));
  });

const bytes = fc.oneof(
  { arbitrary: shaped, weight: 3 },
  { arbitrary: csvish.map((s) => new Uint8Array(Buffer.from(s, 'utf8'))), weight: 1 },
  { arbitrary: fc.uint8Array({ maxLength: 400 }), weight: 1 },
  {
    arbitrary: csvish.map((s) => new Uint8Array(Buffer.from(`\uFEFF${s}`, 'utf16le'))),
    weight: 1,
  },
);

describe('bad input never crashes and is never half-read', () => {
  it('any bytes give a consistent report or one clear file/option error', async () => {
    let n = 0;
    // How often each branch really ran: a property whose every case throws checks nothing.
    const seen = { reports: 0, withValid: 0, withInvalid: 0, errors: 0 };
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom('Hi', 'Hi {name}'), async (content, template) => {
        const path = join(dir.path, `f${n++}.csv`);
        writeFileSync(path, content);
        try {
          const r = await analyzeBulk({ csvPath: path, template, defaultCountry: 'ES' });
          expect(r.rows).toBe(r.valid + r.invalidCount + r.duplicates + r.suppressed);
          expect(r.valid).toBeGreaterThanOrEqual(0);
          for (const i of r.invalid) {
            expect(i.row).toBeGreaterThanOrEqual(1);
            expect(i.reason.length).toBeGreaterThan(0);
          }
          if (r.valid > 0) expect(r.segments.min).toBeGreaterThanOrEqual(1);
          seen.reports++;
          if (r.valid > 0) seen.withValid++;
          if (r.invalidCount > 0) seen.withInvalid++;
        } catch (error) {
          seen.errors++;
          expect(
            error instanceof CsvFileError || error instanceof BulkOptionError,
            String(error),
          ).toBe(true);
          expect((error as Error).message).toMatch(/[.!?]$/);
          expect((error as Error).message).not.toContain('\n');
        }
      }),
      { numRuns: 300 },
    );
    expect(seen.reports, JSON.stringify(seen)).toBeGreaterThanOrEqual(300 * 0.3);
    expect(seen.withValid, JSON.stringify(seen)).toBeGreaterThanOrEqual(300 * 0.2);
    expect(seen.withInvalid, JSON.stringify(seen)).toBeGreaterThanOrEqual(300 * 0.1);
    expect(seen.errors, JSON.stringify(seen)).toBeGreaterThan(0);
  }, 60_000);
});
