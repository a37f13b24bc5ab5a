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
const bytes = fc.oneof(
  csvish.map((s) => new Uint8Array(Buffer.from(s, 'utf8'))),
  fc.uint8Array({ maxLength: 400 }),
  csvish.map((s) => new Uint8Array(Buffer.from(`\uFEFF${s}`, 'utf16le'))),
);

describe('bad input never crashes and is never half-read', () => {
  it('any bytes give a consistent report or one clear file/option error', async () => {
    let n = 0;
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
        } catch (error) {
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
  }, 60_000);
});
