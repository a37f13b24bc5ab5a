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
 * Every "ours" figure is given as wall time and as CPU time of all the
 * process's threads (workers included), so a run on a shared machine still
 * shows what each path costs.
 *
 * Run: npx tsx bench/bulk.bench.ts            (100k rows, threshold, 1M rows; ~4-8 min quiet)
 *      npx tsx bench/bulk.bench.ts --quick    (one run each, no enqueue, no 1M; ≤ 4 min)
 *      npx tsx bench/bulk.bench.ts --million  (only the 1M-row children, section bulk-million)
 *      add --no-record to any of them to print without rewriting RESULTS.md
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
import { closeWarmPool } from '../electron/core/bulk/pool/check-pool';
import { openAppDatabase } from '../electron/core/db/database';
import { peakRssMiB, table, writeSection } from './lib/results';

const ROWS = 100_000;
const MILLION = 1_000_000;
const QUICK = process.argv.includes('--quick');
const RUNS = QUICK ? 1 : 3;
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
): Promise<{ ms: number; cpu: number; peak: number; value: T }> {
  const runs: { ms: number; cpu: number; peak: number; value: T }[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await timed(work));
  const ms = median(runs.map((r) => r.ms));
  const cpu = median(runs.map((r) => r.cpu));
  const last = runs[runs.length - 1] as { value: T };
  return { ms, cpu, peak: Math.max(...runs.map((r) => r.peak)), value: last.value };
}

/**
 * Whether a CLI process would repay its pool (its default stays one thread): the same file checked
 * in this thread, with the warm pool, and with a fresh pool (its workers
 * started for the check, as a CLI process does; the worker's bundle is built
 * already, as in the CLI's build).
 */
async function thresholdLines(dir: string): Promise<(string | number)[][]> {
  const lines: (string | number)[][] = [];
  for (const count of [8_000, 30_000, 100_000, 300_000]) {
    const csv = join(dir, `small-${count}.csv`);
    const bytes = writeCsv(csv, 'utf8', count);
    const options = { csvPath: csv, template: TEMPLATE, defaultCountry: 'ES' };
    const one = await medianOf(() => analyzeBulk({ ...options, checkThreads: 0 }));
    const warm = await medianOf(() => analyzeBulk({ ...options, checkThreads: 2 }));
    const fresh = await medianOf(async () => {
      await closeWarmPool();
      return analyzeBulk({ ...options, checkThreads: 2 });
    });
    lines.push([
      count,
      `${Math.round(bytes / 1024)} KiB`,
      Math.round(one.ms),
      Math.round(warm.ms),
      `${(warm.ms / one.ms).toFixed(2)}×`,
      Math.round(fresh.ms),
      `${(fresh.ms / one.ms).toFixed(2)}×`,
      `${Math.round(one.cpu)} / ${Math.round(warm.cpu)} / ${Math.round(fresh.cpu)}`,
      fresh.ms < one.ms ? 'pool repaid' : 'this thread',
    ]);
  }
  return lines;
}

/** How a 1,000,000-row child checks its file. */
const MILLION_MODES = {
  'one thread': { checkThreads: 0 },
  'off main thread (the wizard): the sliced pool': { offMainThread: true },
  'off main thread, one worker (round 6)': { offMainThread: true, checkThreads: 0 },
  'pool of 2 (workers read their slices)': { checkThreads: 2 },
} as const;
type MillionMode = keyof typeof MILLION_MODES;

/** Child mode: check one big file and print the process's peak RSS. */
async function millionChild(csv: string, mode: MillionMode): Promise<void> {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const report = await analyzeBulk({
    csvPath: csv,
    template: TEMPLATE,
    defaultCountry: 'ES',
    ...MILLION_MODES[mode],
  });
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  console.log(
    JSON.stringify({
      ms,
      cpu: (cpu.user + cpu.system) / 1000,
      peak: peakRssMiB(),
      rows: report.rows,
      valid: report.valid,
    }),
  );
}

/** Each mode in a fresh process of its own, so its peak RSS is its own. */
function millionLines(dir: string): (string | number)[][] {
  const csv = join(dir, 'million.csv');
  const bytes = writeCsv(csv, 'utf8', MILLION);
  const lines: (string | number)[][] = [];
  try {
    for (const mode of Object.keys(MILLION_MODES) as MillionMode[]) {
      const child = spawnSync(
        process.execPath,
        [...process.execArgv, __filename, '--million-child', csv, mode],
        { encoding: 'utf8', maxBuffer: 2 ** 24 },
      );
      const line = child.stdout.trim().split('\n').pop() ?? '';
      if (child.status !== 0 || !line.startsWith('{')) {
        throw new Error(`1,000,000-row child (${mode}) failed: ${child.stderr}`);
      }
      const r = JSON.parse(line) as {
        ms: number;
        cpu: number;
        peak: number;
        rows: number;
        valid: number;
      };
      lines.push([
        mode,
        `${(bytes / 2 ** 20).toFixed(1)} MiB`,
        r.rows,
        r.valid,
        Math.round(r.ms),
        Math.round(r.cpu),
        Math.round((r.rows / r.ms) * 1000).toLocaleString('en'),
        r.peak,
      ]);
    }
  } finally {
    rmSync(csv, { force: true });
  }
  return lines;
}

const MILLION_HEADERS = [
  '1,000,000 rows (UTF-8), own process',
  'size',
  'rows',
  'valid',
  'check ms',
  'CPU ms (all threads)',
  'rows/s',
  'peak RSS MiB',
];

function rssMiB(): number {
  return Math.round(process.memoryUsage().rss / 2 ** 20);
}

async function timed<T>(
  work: (sample: () => void) => Promise<T>,
): Promise<{ ms: number; cpu: number; peak: number; value: T }> {
  let peak = rssMiB();
  const sample = () => {
    peak = Math.max(peak, rssMiB());
  };
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const value = await work(sample);
  const ms = performance.now() - start;
  const cpuUsed = process.cpuUsage(cpuBefore);
  sample();
  return { ms, cpu: (cpuUsed.user + cpuUsed.system) / 1000, peak, value };
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** validate + queue into a fresh SQLite file (one run). */
async function enqueueRun(dir: string, csv: string, encoding: string) {
  const db = openAppDatabase(join(dir, `db-${encoding}`));
  const accountId = addAccount(db, {
    name: 'A',
    provider: 'nrs',
    baseUrl: 'http://127.0.0.1:1',
    secretRef: 'env:X',
  }).id;
  try {
    return await timed((sample) =>
      importBulk(
        { csvPath: csv, template: TEMPLATE, defaultCountry: 'ES', onProgress: sample },
        { db, accountId, sender: 'OUTPOST', jobName: 'bench' },
      ),
    );
  } finally {
    db.close();
  }
}

async function hundredThousand(dir: string): Promise<(string | number)[][]> {
  const rows: (string | number)[][] = [];
  // Warm-up (JIT, phone metadata), so the first measured file is not charged for it.
  const warm = join(dir, 'warm.csv');
  writeCsv(warm, 'utf8', 5_000);
  await bareParse(warm, 'utf8');
  await naivePipeline(warm, 'utf8');
  await analyzeBulk({ csvPath: warm, template: TEMPLATE, defaultCountry: 'ES' });
  // Starts the warm pool: its workers' start is the threshold table's "fresh pool" figure.
  await analyzeBulk({ csvPath: warm, template: TEMPLATE, defaultCountry: 'ES', checkThreads: 2 });
  for (const encoding of ['utf8', 'win1252'] as const) {
    const csv = join(dir, `contacts-${encoding}.csv`);
    const bytes = writeCsv(csv, encoding);
    const options = { csvPath: csv, template: TEMPLATE, defaultCountry: 'ES' };
    const bare = await medianOf(() => bareParse(csv, encoding));
    const naive = await medianOf(() => naivePipeline(csv, encoding));
    const one = await medianOf((sample) =>
      analyzeBulk({ ...options, checkThreads: 0, onProgress: sample }),
    );
    const pool = await medianOf((sample) =>
      analyzeBulk({ ...options, checkThreads: 2, onProgress: sample }),
    );
    const chunked = await medianOf((sample) =>
      analyzeBulk({ ...options, checkThreads: 2, slices: false, onProgress: sample }),
    );
    const off = await medianOf((sample) =>
      analyzeBulk({ ...options, offMainThread: true, onProgress: sample }),
    );
    const queue = QUICK ? null : await enqueueRun(dir, csv, encoding);
    const r = one.value;
    const ratio = (x: number, of: number) => `${(x / of).toFixed(2)}×`;
    rows.push([
      encoding === 'utf8' ? 'UTF-8' : 'Windows-1252',
      `${(bytes / 2 ** 20).toFixed(1)} MiB`,
      Math.round(bare.ms),
      Math.round(naive.ms),
      Math.round(one.ms),
      ratio(one.ms, naive.ms),
      Math.round(pool.ms),
      ratio(pool.ms, naive.ms),
      ratio(chunked.ms, naive.ms),
      Math.round(off.ms),
      ratio(off.ms, naive.ms),
      `${Math.round(naive.cpu)} / ${Math.round(one.cpu)} / ${Math.round(pool.cpu)} / ${Math.round(chunked.cpu)} / ${Math.round(off.cpu)}`,
      ratio(pool.cpu, naive.cpu),
      Math.round((ROWS / one.ms) * 1000).toLocaleString('en'),
      `${one.peak} / ${pool.peak} / ${off.peak}`,
      `${r.valid} / ${r.invalidCount} / ${r.duplicates}`,
      queue ? Math.round(queue.ms) : 'skipped (--quick)',
      queue ? queue.peak : '',
      r.file.encoding.name,
    ]);
  }
  return rows;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bulk-bench-'));
  const loadBefore = load();
  let rows: (string | number)[][] = [];
  let threshold: (string | number)[][] = [];
  let million: (string | number)[][] = [];
  try {
    rows = await hundredThousand(dir);
    threshold = await thresholdLines(dir);
    if (!QUICK) million = millionLines(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const loadAfter = load();
  const body = table(
    [
      'file',
      'size',
      'bare PapaParse ms',
      'naive pipeline ms',
      'ours, one thread ms',
      'one thread ÷ naive',
      'ours, pool of 2 (slices) ms',
      'pool ÷ naive',
      'round-6 chunked pool ÷ naive',
      'ours, off main thread ms',
      'off-thread ÷ naive',
      'CPU ms, all threads: naive / one / pool / chunked pool / off',
      'pool CPU ÷ naive CPU',
      'rows/s (one thread)',
      'RSS peak MiB: one / pool / off',
      'valid / invalid / duplicates',
      'enqueue total ms',
      'RSS peak MiB (enqueue)',
      'detected',
    ],
    rows,
  );
  const small = table(
    [
      'rows',
      'size',
      'one thread ms',
      'warm pool of 2 ms',
      'warm ÷ one thread',
      'fresh pool of 2 ms',
      'fresh ÷ one thread',
      'CPU ms, all threads: one / warm / fresh',
      'fresh pool faster?',
    ],
    threshold,
  );
  const big = million.length > 0 ? table(MILLION_HEADERS, million) : '';
  const notes = `
${ROWS.toLocaleString('en')} rows, 4 columns, ";" with decimal commas, template with a filter. Times are medians of ${RUNS}
run(s)${QUICK ? ' (--quick)' : ''} (load average ${loadBefore} before, ${loadAfter} after); on a shared machine compare the
ratios and the CPU times, not the absolute times. "bare PapaParse" streams the same file through the same decoder with a
step that only counts rows; "naive pipeline" adds, per row, a libphonenumber-js/max parse with isValid and getType, the
template filled by string replacement and a split-sms segment split. "one thread": \`checkThreads: 0\` (the CLI's default);
"pool of 2": the process's warm pool of 2 workers, each reading, parsing and inspecting its own slices of the file
(cut at line ends outside quotes), main only finishing each row from compact verdicts; "round-6 chunked pool": the
same workers fed 1,000-row chunks parsed by main (\`slices: false\`); "off main thread" (\`offMainThread\`, the
wizard's path): now the same sliced pool, main yielding its event loop every 1,000 rows it finishes. The workers run built JS
(esbuild bundles the entry once per process when running from source). "enqueue total" validates and writes every
valid row in 1,000-row transactions (one run). A 5,000-row warm-up runs first. Peak RSS is sampled at each progress event.`;
  console.log(body);
  console.log(small);
  if (big) console.log(big);
  console.log(notes);
  writeSection(
    'bulk',
    'CSV bulk import (100,000 rows)',
    `${body}\n\nWhether a pool repays itself by file size: the warm pool, and a fresh one (its workers started for the check), against one thread:\n\n${small}\n${notes}`,
  );
  if (big) writeMillion(big);
}

function writeMillion(big: string): void {
  writeSection(
    'bulk-million',
    'CSV check of a 1,000,000-row file: time and peak RSS (bench/bulk.bench.ts --million)',
    `${big}\n\nEach mode in a process of its own (load average ${load()} at the end). The bound is 400 MiB.`,
  );
}

async function millionOnly(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bulk-bench-'));
  try {
    const big = table(MILLION_HEADERS, millionLines(dir));
    console.log(big);
    writeMillion(big);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const childAt = process.argv.indexOf('--million-child');
if (childAt >= 0) {
  void millionChild(process.argv[childAt + 1] ?? '', process.argv[childAt + 2] as MillionMode);
} else if (process.argv.includes('--million')) {
  void millionOnly();
} else {
  void main();
}
