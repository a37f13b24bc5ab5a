import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { planSlices } from '../../../electron/core/bulk/pool/slices';
import {
  type CsvRecord,
  type StreamSlice,
  streamRecords,
} from '../../../electron/core/bulk/records';
import type { CsvSniff } from '../../../electron/core/bulk/sniff';
import { tempDir } from '../../helpers/temp-dir';

const dir = tempDir('outpost-slices-');
afterAll(() => dir.remove());

/**
 * The pool's workers each parse their own slice of the file; together the
 * slices must give exactly the records (cells, quote problems) and the row
 * numbers that one parse of the whole file gives, or the plan must refuse
 * the file (null) so it is read in one stream.
 */
const piece = fc.constantFrom('a', 'é', '👋', ' ', ';', ',', '"', '""', '\n', '\r\n', '\r', '12');
const text = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
const cell = fc.oneof(
  { arbitrary: text.map((t) => `"${t.replaceAll('"', '""')}"`), weight: 3 }, // well quoted
  { arbitrary: fc.stringMatching(/^[a-z0-9 é]{0,6}$/), weight: 4 }, // plain
  { arbitrary: text, weight: 1 }, // anything: stray quotes, raw line breaks
);
const line = fc.oneof(
  { arbitrary: fc.array(cell, { minLength: 1, maxLength: 4 }).map((c) => c.join(';')), weight: 8 },
  { arbitrary: fc.constant(''), weight: 1 }, // a blank line
);
const csv = fc.record({
  lines: fc.array(line, { minLength: 1, maxLength: 60 }),
  eol: fc.constantFrom('\n', '\r\n'),
  finalEol: fc.boolean(),
  bom: fc.boolean(),
  win1252: fc.boolean(),
  target: fc.integer({ min: 1, max: 80 }),
});

function sniffOf(path: string, bytes: number, bom: boolean, win1252: boolean): CsvSniff {
  return {
    path,
    bytes,
    encoding: {
      name: win1252 ? 'windows-1252' : 'utf-8',
      guessed: false,
      reason: '',
      bomBytes: bom ? 3 : 0,
    },
    delimiter: { char: ';', name: 'semicolon', guessed: false, reason: '' },
    header: { present: true, guessed: false },
  } as CsvSniff;
}

async function records(sniff: CsvSniff, slice?: StreamSlice) {
  const out: CsvRecord[] = [];
  const result = await streamRecords(sniff, (r) => out.push(r), slice ? { slice } : {}).catch(
    (e: Error) => e.message,
  );
  return { out, result };
}

let n = 0;

describe('planSlices', () => {
  it('cuts a file into slices that parse to exactly the whole file’s records and rows', async () => {
    await fc.assert(
      fc.asyncProperty(csv, async ({ lines, eol, finalEol, bom, win1252, target }) => {
        // Windows-1252 has no emoji: those pieces are left out of such files.
        const body = `${lines.join(eol)}${finalEol ? eol : ''}`;
        const textOf = win1252 ? body.replaceAll('👋', 'ñ') : body;
        const path = join(dir.path, `p${++n}.csv`);
        const bytes = win1252
          ? iconv.encode(textOf, 'win1252')
          : Buffer.from(`${bom ? '\uFEFF' : ''}${textOf}`);
        writeFileSync(path, bytes);
        const sniff = sniffOf(path, bytes.length, bom && !win1252, win1252);
        const whole = await records(sniff);
        const plan = await planSlices(sniff, target);
        fc.pre(plan !== null);
        if (!plan) return;
        const parts: CsvRecord[] = [];
        let last: unknown;
        for (const slice of plan.slices) {
          const { out, result } = await records(sniff, { ...slice, newline: plan.newline });
          parts.push(...out);
          last = result;
          if (typeof result === 'string') break;
        }
        expect(parts).toEqual(whole.out);
        expect(last).toEqual(whole.result);
      }),
      { numRuns: 300 },
    );
  });

  it('cuts every well-quoted file (it falls back only for odd quoting, CR-only lines, bad UTF-8)', async () => {
    const tidy = fc.array(
      fc.array(
        fc.oneof(
          text.map((t) => `"${t.replaceAll('"', '""')}"`),
          fc.stringMatching(/^[a-z ]{0,5}$/),
        ),
        {
          minLength: 1,
          maxLength: 4,
        },
      ),
      { minLength: 1, maxLength: 40 },
    );
    await fc.assert(
      fc.asyncProperty(tidy, fc.constantFrom('\n', '\r\n'), async (rows, eol) => {
        const body = rows.map((r) => r.join(';')).join(eol) + eol;
        const path = join(dir.path, `t${++n}.csv`);
        writeFileSync(path, body);
        const plan = await planSlices(sniffOf(path, Buffer.byteLength(body), false, false), 10);
        expect(plan).not.toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('starts each slice at the row the whole file numbers it', async () => {
    const path = join(dir.path, 'rows.csv');
    const body = 'h;x\r\n"a\r\nb";1\r\n\r\nc;2\r\nd;3\r\n';
    writeFileSync(path, body);
    const plan = await planSlices(sniffOf(path, body.length, false, false), 1);
    expect(plan?.newline).toBe('\r\n');
    // A quoted line break is inside row 2; the blank row 3 opens the slice of row 4.
    expect(plan?.slices.map((s) => s.firstRow)).toEqual([1, 2, 3, 5]);
    expect(plan?.slices.at(-1)?.end).toBe(body.length);
  });
});
