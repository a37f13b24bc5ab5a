import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { analyzeBulk, type BulkOptions, CsvFileError } from '../../../electron/core/bulk';
import { POOL } from '../../../electron/core/bulk/limits';
import { tempDir } from '../../helpers/temp-dir';

// Small slices, so each test file is cut in many places (a cut is where the workers' reads meet).
vi.mock('../../../electron/core/bulk/limits', async (original) => {
  const limits = await original<typeof import('../../../electron/core/bulk/limits')>();
  return { ...limits, POOL: { ...limits.POOL, sliceMinBytes: 2 * 1024 } };
});

const dir = tempDir('outpost-bulk-pool-');
afterAll(() => dir.remove());

/**
 * The check pool cuts the file into slices that worker threads read, parse
 * and check in any order (or, for a file it cannot cut, checks chunks of rows
 * parsed here; `slices: false` asks for that path); the report must be
 * exactly the one-thread report: counts, the
 * first rows kept of each kind (in file order), duplicates of which row,
 * suppressions, rule blocks, previews, segments and cost.
 */

// A small pool of numbers, so duplicates happen across chunks.
const mobile = fc.integer({ min: 0, max: 400 }).map((n) => `6${String(10_000_000 + n * 7919)}`);
const phone = fc.oneof(
  { arbitrary: mobile, weight: 8 },
  { arbitrary: mobile.map((m) => `+34 ${m}`), weight: 2 },
  { arbitrary: fc.constantFrom('12345', 'abc', '', '+999 1234', '910000000'), weight: 2 }, // invalid, fixed line
  { arbitrary: fc.constantFrom('612000001', '612000002'), weight: 1 }, // suppressed / blacklisted
);
const name = fc.constantFrom('ana', 'LUIS', '', 'joão', 'zoë 👋', 'x'.repeat(400), 'a"b');
const line = fc.oneof(
  {
    arbitrary: fc.tuple(name, phone).map(([n, p]) => `"${n.replaceAll('"', '""')}";${p};ES`),
    weight: 20,
  },
  { arbitrary: fc.constant(';;'), weight: 1 }, // blank row
  { arbitrary: fc.tuple(name, phone).map(([n, p]) => `x"${n}"y;${p};ES`), weight: 1 }, // malformed quote
  { arbitrary: phone.map((p) => `Ana;${p};FR`), weight: 2 }, // another country's rules
);
const file = fc.array(line, { minLength: 1, maxLength: 3_500 });

const SUPPRESSED: BulkOptions['suppressed'] = (n) =>
  n === '34612000001'
    ? { blacklist: false, detail: 'Opted out on 2026-11-01.' }
    : n === '34612000002'
      ? { blacklist: true, detail: 'On the provider’s blacklist.' }
      : null;

function options(csvPath: string, marketing: boolean): BulkOptions {
  return {
    csvPath,
    template: marketing ? 'Oferta para {nombre}: 20% hoy' : 'Hola {nombre|capitalize}',
    defaultCountry: 'ES',
    marketing,
    sendAt: new Date(Date.UTC(2026, 11, 6, 22, 30)), // a Sunday night: rule blocks and deferrals
    suppressed: SUPPRESSED,
    keepRows: 7,
    maxParts: 3,
    prices: [
      {
        countryIso: 'ES',
        countryName: 'Spain',
        dialCode: '34',
        network: null,
        pricePerPart: 0.05,
        currency: 'EUR',
      },
    ],
    currency: 'EUR',
  };
}

let n = 0;

describe('the pooled CSV check', () => {
  it('gives exactly the one-thread report for random files', async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.boolean(), async (lines, marketing) => {
        const csv = join(dir.path, `f${++n}.csv`);
        writeFileSync(csv, `nombre;movil;pais\r\n${lines.join('\r\n')}\r\n`);
        const one = await analyzeBulk({ ...options(csv, marketing), checkThreads: 0 }).catch(
          (e: Error) => e.message,
        );
        const pooled = await analyzeBulk({ ...options(csv, marketing), checkThreads: 2 }).catch(
          (e: Error) => e.message,
        );
        expect(pooled).toEqual(one);
        const chunked = await analyzeBulk({
          ...options(csv, marketing),
          checkThreads: 2,
          slices: false,
        }).catch((e: Error) => e.message);
        expect(chunked).toEqual(one);
      }),
      { numRuns: 6 },
    );
  }, 300_000);

  it('reports progress in the same steps and stops when cancelled', async () => {
    const csv = join(dir.path, 'big.csv');
    const rows = Array.from({ length: 20_000 }, (_, i) => `ana;6${10_000_000 + i};ES`);
    writeFileSync(csv, `nombre;movil;pais\n${rows.join('\n')}\n`);
    const steps = { one: [] as number[], pooled: [] as number[] };
    await analyzeBulk({
      ...options(csv, false),
      checkThreads: 0,
      onProgress: (p) => steps.one.push(p.rows),
    });
    await analyzeBulk({
      ...options(csv, false),
      checkThreads: 2,
      onProgress: (p) => steps.pooled.push(p.rows),
    });
    expect(steps.pooled).toEqual(steps.one);

    const cancel = new AbortController();
    const run = analyzeBulk({
      ...options(csv, false),
      checkThreads: 2,
      signal: cancel.signal,
      onProgress: (p) => {
        if (p.rows >= 3_000) cancel.abort(new Error('cancelled by the person'));
      },
    });
    await expect(run).rejects.toThrow('cancelled by the person');
  }, 120_000);
});

/** A note column pads every row, so a file is always past POOL.offThreadMinBytes. */
const padded = fc
  .array(line, { minLength: 2_000, maxLength: 3_500 })
  .map((lines) => lines.map((l) => (l === ';;' ? l : `${l};nota de prueba ${'-'.repeat(24)}`)));

describe('the CSV check off the main thread', () => {
  it('gives exactly the one-thread report for random files', async () => {
    await fc.assert(
      fc.asyncProperty(padded, fc.boolean(), async (lines, marketing) => {
        const csv = join(dir.path, `t${++n}.csv`);
        writeFileSync(csv, `nombre;movil;pais;nota\r\n${lines.join('\r\n')}\r\n`);
        expect(statSync(csv).size).toBeGreaterThanOrEqual(POOL.offThreadMinBytes);
        const steps = { one: [] as number[], off: [] as number[] };
        const one = await analyzeBulk({
          ...options(csv, marketing),
          checkThreads: 0,
          onProgress: (p) => steps.one.push(p.rows),
        }).catch((e: Error) => e.message);
        const off = await analyzeBulk({
          ...options(csv, marketing),
          offMainThread: true,
          onProgress: (p) => steps.off.push(p.rows),
        }).catch((e: Error) => e.message);
        expect(off).toEqual(one);
        expect(steps.off).toEqual(steps.one);
      }),
      { numRuns: 4 },
    );
  }, 300_000);

  it('stops when cancelled and names the row of a broken file', async () => {
    const csv = join(dir.path, 'off-big.csv');
    const rows = Array.from({ length: 20_000 }, (_, i) => `ana;6${10_000_000 + i};ES`);
    writeFileSync(csv, `nombre;movil;pais\n${rows.join('\n')}\n`);
    const cancel = new AbortController();
    let after = 0;
    const run = analyzeBulk({
      ...options(csv, false),
      offMainThread: true,
      signal: cancel.signal,
      onProgress: (p) => {
        if (cancel.signal.aborted) after++;
        if (p.rows >= 3_000) cancel.abort(new Error('cancelled by the person'));
      },
    });
    await expect(run).rejects.toThrow('cancelled by the person');
    expect(after).toBe(0);

    const broken = join(dir.path, 'off-broken.csv');
    writeFileSync(broken, `nombre;movil;pais\n${rows.join('\n')}\n"ana;612345678;ES\n`);
    const failure = await analyzeBulk({ ...options(broken, false), offMainThread: true }).catch(
      (e: unknown) => e,
    );
    const inThread = await analyzeBulk({ ...options(broken, false), checkThreads: 0 }).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(CsvFileError);
    expect(failure).toEqual(inThread);
    expect((failure as CsvFileError).row).toBe((inThread as CsvFileError).row);
  }, 120_000);
});

/**
 * The file's own form must not change the report either: a BOM, CRLF or LF,
 * Windows-1252, cells with quoted line breaks (one row, several lines), rows
 * with cells missing or extra. Each way of checking (one thread, the pool,
 * off the main thread) must read it identically, row numbers included.
 */
const latinName = fc.constantFrom(
  'ana',
  'José',
  'Ñuño',
  'zoë',
  'línea\nnueva',
  'dos\r\nlíneas',
  'a;b',
  '',
);
const shapedLine = fc.oneof(
  {
    arbitrary: fc.tuple(latinName, phone).map(([n, p]) => `"${n.replaceAll('"', '""')}";${p};ES`),
    weight: 12,
  },
  { arbitrary: phone.map((p) => `Ana;${p}`), weight: 2 }, // a cell short
  { arbitrary: phone.map((p) => `Ana;${p};ES;extra;more`), weight: 2 }, // cells over
  { arbitrary: fc.constant(''), weight: 1 }, // an empty line
);
const shapedFile = fc.record({
  // Padded past POOL.offThreadMinBytes, so the off-thread check really runs in its worker.
  lines: fc
    .array(shapedLine, { minLength: 2_000, maxLength: 3_000 })
    .map((lines) => lines.map((l) => (l === '' ? l : `${'-'.repeat(30)};${l}`))),
  bom: fc.boolean(),
  crlf: fc.boolean(),
  win1252: fc.boolean(),
});

describe('every way of checking reads the file the same', () => {
  it('gives one report for BOMs, CRLF, Windows-1252, quoted line breaks, short and long rows', async () => {
    await fc.assert(
      fc.asyncProperty(shapedFile, async ({ lines, bom, crlf, win1252 }) => {
        const csv = join(dir.path, `s${++n}.csv`);
        const eol = crlf ? '\r\n' : '\n';
        const text = `${bom && !win1252 ? '\uFEFF' : ''}nota;nombre;movil;pais${eol}${lines.join(eol)}${eol}`;
        writeFileSync(csv, win1252 ? iconv.encode(text, 'win1252') : text);
        expect(statSync(csv).size).toBeGreaterThanOrEqual(POOL.offThreadMinBytes);
        const run = (extra: Partial<BulkOptions>) =>
          analyzeBulk({ ...options(csv, false), ...extra }).catch((e: Error) => e.message);
        const one = await run({ checkThreads: 0 });
        expect(await run({ checkThreads: 2 })).toEqual(one);
        expect(await run({ offMainThread: true })).toEqual(one);
      }),
      { numRuns: 4 },
    );
  }, 300_000);
});
