/**
 * CSV bulk import over a generated 100,000-row ";" file (decimal commas), in
 * UTF-8 and Windows-1252: parse + validate + report time and peak memory,
 * next to a bare PapaParse pass and a naive pipeline (PapaParse +
 * libphonenumber-js/max parse, isValid, getType + a segment split per row)
 * over the same file in the same run (medians of RUNS), then the enqueue
 * (validate + queue in chunked transactions) into a fresh SQLite file, and
 * last the peak RSS of checking a 1,000,000-row file in a child process of
 * its own (so earlier runs do not count).
 *
 * Run: npx tsx bench/bulk.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import Papa from 'papaparse';
import { addAccount } from '../electron/core/accounts/repository';
import { analyzeBulk, importBulk } from '../electron/core/bulk';
import { POOL } from '../electron/core/bulk/limits';
import { openAppDatabase } from '../electron/core/db/database';
import { peakRssMiB, table, writeSection } from './lib/results';

const ROWS = 100_000;
const MILLION = 1_000_000;
const RUNS = 3;
const NAMES = ['ana', 'luis', 'MARÍA', 'joão', 'françois', 'zoë', 'björn', 'ñuño'];
const TEMPLATE = 'Hola {nombre|capitalize}, tu saldo es {importe} EUR. Gracias.';

function writeCsv(path: string, encoding: 'utf8' | 'win1252', count = ROWS): number {
  const lines = ['nombre;móvil;importe;ciudad'];
  for (let i = 0; i < count; i++) {
    // Every 500th row repeats a number and every 997th has a bad one, so the report has work to do.
    const n = i % 500 === 499 ? i - 1 : i;
    const phone = i % 997 === 996 ? '12345' : `6${String(10_000_000 + n).padStart(8, '0')}`;
    lines.push(
      `${NAMES[i % NAMES.length]};${phone};${i % 1000},${String(i % 100).padStart(2, '0')};Sevilla`,
    );
  }
  const bytes = iconv.encode(`${lines.join('\r\n')}\r\n`, encoding);
  writeFileSync(path, bytes);
  return bytes.length;
}

/** Bare PapaParse, streaming, same decoding, a step that only counts. */
function bareParse(path: string, encoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    const text = createReadStream(path).pipe(iconv.decodeStream(encoding));
    Papa.parse(text as unknown as NodeJS.ReadableStream, {
      delimiter: ';',
      step: () => {
        rows++;
      },
      complete: () => resolve(rows),
      error: reject,
    });
  });
}

const splitSms = createRequire(__filename)('split-sms') as {
  split(text: string): { parts: unknown[] };
};

/**
 * The naive pipeline the check is measured against: the same stream, and per
 * row a libphonenumber-js/max parse with isValid and getType, the template
 * filled by string replacement and split into segments by split-sms.
 */
function naivePipeline(path: string, encoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let valid = 0;
    let header = true;
    const text = createReadStream(path).pipe(iconv.decodeStream(encoding));
    Papa.parse<string[]>(text as unknown as NodeJS.ReadableStream, {
      delimiter: ';',
      step: ({ data }) => {
        if (header) {
          header = false;
          return;
        }
        const phone = parsePhoneNumberFromString(data[1] ?? '', 'ES');
        if (!phone?.isValid()) return;
        phone.getType();
        const body = TEMPLATE.replace('{nombre|capitalize}', data[0] ?? '').replace(
          '{importe}',
          data[2] ?? '',
        );
        if (splitSms.split(body).parts.length > 0) valid++;
      },
      complete: () => resolve(valid),
      error: reject,
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Runs `work` RUNS times, interleaved by the caller, keeping every time. */
async function medianOf<T>(
  work: (sample: () => void) => Promise<T>,
): Promise<{ ms: number; peak: number; value: T }> {
  const runs: { ms: number; peak: number; value: T }[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await timed(work));
  const ms = median(runs.map((r) => r.ms));
  const last = runs[runs.length - 1] as { value: T };
  return { ms, peak: Math.max(...runs.map((r) => r.peak)), value: last.value };
}

/**
 * Around the pool's threshold (POOL.minFileBytes): the same small file checked
 * in this thread and with a fresh pool (which starts its workers each time).
 */
async function thresholdLines(dir: string): Promise<(string | number)[][]> {
  const lines: (string | number)[][] = [];
  for (const count of [2_000, 8_000, 30_000]) {
    const csv = join(dir, `small-${count}.csv`);
    const bytes = writeCsv(csv, 'utf8', count);
    const options = { csvPath: csv, template: TEMPLATE, defaultCountry: 'ES' };
    const one = await medianOf(() => analyzeBulk({ ...options, checkThreads: 0 }));
    const pooled = await medianOf(() => analyzeBulk({ ...options, checkThreads: 2 }));
    lines.push([
      count,
      `${Math.round(bytes / 1024)} KiB`,
      Math.round(one.ms),
      Math.round(pooled.ms),
      `${(pooled.ms / one.ms).toFixed(2)}×`,
      bytes >= POOL.minFileBytes ? 'pool' : 'this thread',
    ]);
  }
  return lines;
}

/** Child mode: check one big file and print the process's peak RSS. */
async function millionChild(csv: string): Promise<void> {
  const start = performance.now();
  const report = await analyzeBulk({ csvPath: csv, template: TEMPLATE, defaultCountry: 'ES' });
  const ms = performance.now() - start;
  console.log(JSON.stringify({ ms, peak: peakRssMiB(), rows: report.rows, valid: report.valid }));
}

function millionLine(dir: string): (string | number)[] {
  const csv = join(dir, 'million.csv');
  const bytes = writeCsv(csv, 'utf8', MILLION);
  const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--million', csv], {
    encoding: 'utf8',
    maxBuffer: 2 ** 24,
  });
  rmSync(csv, { force: true });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    throw new Error(`1,000,000-row child failed: ${child.stderr}`);
  }
  const r = JSON.parse(line) as { ms: number; peak: number; rows: number; valid: number };
  return [
    `${(bytes / 2 ** 20).toFixed(1)} MiB`,
    r.rows,
    r.valid,
    Math.round(r.ms),
    Math.round((r.rows / r.ms) * 1000).toLocaleString('en'),
    r.peak,
  ];
}

function rssMiB(): number {
  return Math.round(process.memoryUsage().rss / 2 ** 20);
}

async function timed<T>(
  work: (sample: () => void) => Promise<T>,
): Promise<{ ms: number; peak: number; value: T }> {
  let peak = rssMiB();
  const sample = () => {
    peak = Math.max(peak, rssMiB());
  };
  const start = performance.now();
  const value = await work(sample);
  const ms = performance.now() - start;
  sample();
  return { ms, peak, value };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bulk-bench-'));
  const rows: (string | number)[][] = [];
  let million: (string | number)[] = [];
  let threshold: (string | number)[][] = [];
  const loadBefore = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  try {
    // Warm-up (JIT, phone metadata), so the first measured file is not charged for it.
    const warm = join(dir, 'warm.csv');
    writeCsv(warm, 'utf8', 5_000);
    await bareParse(warm, 'utf8');
    await naivePipeline(warm, 'utf8');
    await analyzeBulk({ csvPath: warm, template: TEMPLATE, defaultCountry: 'ES' });
    for (const encoding of ['utf8', 'win1252'] as const) {
      const csv = join(dir, `contacts-${encoding}.csv`);
      const bytes = writeCsv(csv, encoding);
      const bare = await medianOf(() => bareParse(csv, encoding));
      const naive = await medianOf(() => naivePipeline(csv, encoding));
      const check = await medianOf((sample) =>
        analyzeBulk({ csvPath: csv, template: TEMPLATE, defaultCountry: 'ES', onProgress: sample }),
      );
      const oneThread = await timed(() =>
        analyzeBulk({ csvPath: csv, template: TEMPLATE, defaultCountry: 'ES', checkThreads: 0 }),
      );
      const db = openAppDatabase(join(dir, `db-${encoding}`));
      const accountId = addAccount(db, {
        name: 'A',
        provider: 'nrs',
        baseUrl: 'http://127.0.0.1:1',
        secretRef: 'env:X',
      }).id;
      const queue = await timed((sample) =>
        importBulk(
          { csvPath: csv, template: TEMPLATE, defaultCountry: 'ES', onProgress: sample },
          { db, accountId, sender: 'OUTPOST', jobName: 'bench' },
        ),
      );
      db.close();
      const r = check.value;
      rows.push([
        encoding === 'utf8' ? 'UTF-8' : 'Windows-1252',
        `${(bytes / 2 ** 20).toFixed(1)} MiB`,
        Math.round(bare.ms),
        Math.round(naive.ms),
        Math.round(check.ms),
        `${(check.ms / naive.ms).toFixed(2)}×`,
        Math.round(oneThread.ms),
        `${(oneThread.ms / naive.ms).toFixed(2)}×`,
        `${(check.ms / bare.ms).toFixed(1)}×`,
        Math.round((ROWS / check.ms) * 1000).toLocaleString('en'),
        check.peak,
        `${r.valid} / ${r.invalidCount} / ${r.duplicates}`,
        Math.round(queue.ms),
        queue.peak,
        r.file.encoding.name,
      ]);
    }
    threshold = await thresholdLines(dir);
    million = millionLine(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const loadAfter = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const body = table(
    [
      'file',
      'size',
      'bare PapaParse ms',
      'naive pipeline ms',
      'ours (worker pool): parse + validate + report ms',
      'ours ÷ naive',
      'ours in one thread ms',
      'one thread ÷ naive',
      'ours ÷ bare',
      'rows/s',
      'RSS peak MiB (check)',
      'valid / invalid / duplicates',
      'enqueue total ms',
      'RSS peak MiB (enqueue)',
      'detected',
    ],
    rows,
  );
  const big = table(
    [
      '1,000,000 rows (UTF-8), own process',
      'size',
      'rows',
      'valid',
      'check ms',
      'rows/s',
      'peak RSS MiB',
    ],
    [['check', ...million]],
  );
  const small = table(
    [
      'rows',
      'size',
      'one thread ms',
      'fresh pool of 2 ms',
      'pool ÷ one thread',
      'default for this size',
    ],
    threshold,
  );
  const notes = `
${ROWS.toLocaleString('en')} rows, 4 columns, ";" with decimal commas, template with a filter. Times are medians of ${RUNS}
runs on a machine shared with other sessions (load average ${loadBefore} before, ${loadAfter} after), so compare the
ratios, not the absolute times. "bare PapaParse" streams the same file through the same decoder with a step that only
counts rows; "naive pipeline" adds, per row, a libphonenumber-js/max parse with isValid and getType, the template filled
by string replacement and a split-sms segment split. "enqueue total" validates and writes every valid row in 1,000-row
transactions (one run). A 5,000-row warm-up runs first. Peak RSS is sampled at each progress event.

Not met: the target is ours ≤ 0.5× naive. A CPU profile of ours on this file (node --cpu-prof, one thread) puts 59% of
the whole run in RowChecker.check, of which normalizePhone is 39 points (libphonenumber-js parse + isValid 28, getType
and the result object most of the rest): the same library work the naive pipeline does per row. Merge render, segment
count, rules and duplicate check are the other ~20 points, GC ~8%. So in one thread ours cannot go below roughly the
naive pipeline; ≤ 0.5× needs the rows checked on both cores (the pool, measured above: slower here, workers started from source under tsx), and even then only on a quiet
machine: under this load average both cores are already taken by other sessions. The time-window memo (shared/rules)
does not show here: this file is not marketing, so no time-window rule runs.`;
  console.log(body);
  console.log(big);
  console.log(small);
  console.log(notes);
  writeSection(
    'bulk',
    'CSV bulk import (100,000 rows)',
    `${body}\n\n${big}\n\nPool threshold (${POOL.minFileBytes / 1024} KiB):\n\n${small}\n${notes}`,
  );
}

const millionAt = process.argv.indexOf('--million');
if (millionAt >= 0) void millionChild(process.argv[millionAt + 1] ?? '');
else void main();
