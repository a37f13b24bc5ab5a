// Outbox benchmarks:
// - section `outbox` of bench/RESULTS.md: enqueue 100,000 recipients in one
//   transaction against a bare insert: time, peak memory, database size;
// - section `outbox-drain` (alone with --drain-only): drain 10,000 recipients
//   against the sandbox, in its own process, with 50 ms added latency, as
//   messages per second next to the ceiling that latency, batch size and
//   concurrency allow (each request carries one batch and takes ≥ 50 ms), and
//   where each request's time went.
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AdapterPool } from '../electron/core/accounts/adapters';
import { addAccount } from '../electron/core/accounts/repository';
import { openDatabase } from '../electron/core/db/connection';
import { openAppDatabase } from '../electron/core/db/database';
import { OutboxEngine } from '../electron/core/outbox/engine';
import { enqueueMessages, type NewMessage } from '../electron/core/outbox/enqueue';
import { ROWS_PER_INSERT } from '../electron/core/outbox/queued-rows';
import { MemoryVault } from '../electron/core/vault/memory-vault';
import { tempDir } from '../test/helpers/temp-dir';
import { adapterCpu } from './lib/adapter-cpu';
import { stealMeter } from './lib/cpu-steal';
import { type HttpSplit, recordHttp } from './lib/http-split';
import { benchMessages } from './lib/outbox-messages';
import { peakRssMiB, table, writeSection } from './lib/results';
import { benchBatch, type CeilingRun, sandboxCeiling, warmSandbox } from './lib/sandbox-ceiling';
import { startSandboxProcess } from './lib/sandbox-process';

/**
 * The same messages with the recipients in a fixed shuffled order, as a real
 * CSV's numbers come: the recipient index then takes each entry at a random
 * place (the in-order batch appends every one at its end).
 */
function shuffledRecipients(batch: NewMessage[]): NewMessage[] {
  const recipients = batch.map((m) => m.recipient);
  let seed = 42;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let i = recipients.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [recipients[i], recipients[j]] = [recipients[j] as string, recipients[i] as string];
  }
  return batch.map((m, i) => ({ ...m, recipient: recipients[i] as string }));
}

const BARE_COLUMNS = `account_id, job_id, recipient, sender, template, fields, body, encoding, segments,
  max_parts, state, not_before, scheduled_for, schedule_mode, expires_at, campaign_name, give_up_at,
  created_at, updated_at`;
const BARE_ROW = "(?,?,?,?,?,?,?,?,?,?,'queued',?,?,?,?,?,?,?,?)";
const BARE_PARAMS = 18;

/** The anchor's values of one message, written from `at` in `params` (no array per row). */
function bareValues(params: unknown[], at: number, m: NewMessage, now: number): void {
  params[at] = m.accountId;
  params[at + 1] = m.jobId ?? null;
  params[at + 2] = m.recipient;
  params[at + 3] = m.sender;
  params[at + 4] = m.template;
  params[at + 5] = JSON.stringify(m.fields ?? {});
  params[at + 6] = m.body;
  params[at + 7] = m.encoding;
  params[at + 8] = m.segments;
  params[at + 9] = m.maxParts;
  params[at + 10] = now;
  params[at + 11] = null;
  params[at + 12] = null;
  params[at + 13] = null;
  params[at + 14] = m.campaignName ?? 'Outpost';
  params[at + 15] = now + 86_400_000;
  params[at + 16] = now;
  params[at + 17] = now;
}

/** The anchor's table, in a fresh file on a connection opened like the app's. */
function bareTable() {
  const dir = tempDir('outpost-bench-');
  const db = openDatabase(join(dir.path, 'bare.sqlite'));
  db.exec(`CREATE TABLE m (id INTEGER PRIMARY KEY, account_id INTEGER, job_id INTEGER, recipient TEXT,
    sender TEXT, template TEXT, fields TEXT, body TEXT, encoding TEXT, segments INTEGER, max_parts INTEGER,
    state TEXT, not_before INTEGER, scheduled_for INTEGER, schedule_mode TEXT, expires_at INTEGER,
    campaign_name TEXT, give_up_at INTEGER, created_at INTEGER, updated_at INTEGER)`);
  return { db, dir };
}

function bareInsertSql(rows: number): string {
  return `INSERT INTO m (${BARE_COLUMNS}) VALUES ${Array(rows).fill(BARE_ROW).join(',')}`;
}

/**
 * The anchor: the same 19 columns of every NewMessage into a table with no
 * index, no CHECK and no foreign key, one prepared statement (bound by
 * position) in one transaction, on a connection opened like the app's.
 */
function bareInsertCpuMs(batch: NewMessage[]): number {
  const { db, dir } = bareTable();
  const insert = db.prepare(bareInsertSql(1));
  const now = Date.now();
  const start = process.cpuUsage();
  db.transaction(() => {
    for (const m of batch)
      insert.run(
        m.accountId,
        m.jobId ?? null,
        m.recipient,
        m.sender,
        m.template,
        JSON.stringify(m.fields ?? {}),
        m.body,
        m.encoding,
        m.segments,
        m.maxParts,
        now,
        null,
        null,
        null,
        m.campaignName ?? 'Outpost',
        now + 86_400_000,
        now,
        now,
      );
  })();
  const used = process.cpuUsage(start);
  db.close();
  dir.remove();
  return (used.user + used.system) / 1000;
}

/**
 * The same anchor with the enqueue's own technique: ROWS_PER_INSERT rows per
 * statement (the rest one by one), bound from one array. The enqueue is
 * measured against both, so a reader can see how much of its gain is the
 * technique and how much is the schema and the work around the insert.
 */
function bareMultiRowCpuMs(batch: NewMessage[]): number {
  const { db, dir } = bareTable();
  const many = db.prepare(bareInsertSql(ROWS_PER_INSERT));
  const one = db.prepare(bareInsertSql(1));
  const params: unknown[] = new Array(ROWS_PER_INSERT * BARE_PARAMS);
  const single: unknown[] = new Array(BARE_PARAMS);
  const now = Date.now();
  const full = batch.length - (batch.length % ROWS_PER_INSERT);
  const start = process.cpuUsage();
  db.transaction(() => {
    for (let i = 0; i < full; i += ROWS_PER_INSERT) {
      for (let r = 0; r < ROWS_PER_INSERT; r++)
        bareValues(params, r * BARE_PARAMS, batch[i + r] as NewMessage, now);
      many.run(...params);
    }
    for (let i = full; i < batch.length; i++) {
      bareValues(single, 0, batch[i] as NewMessage, now);
      one.run(...single);
    }
  })();
  const used = process.cpuUsage(start);
  db.close();
  dir.remove();
  return (used.user + used.system) / 1000;
}

/** One enqueueMessages of the whole batch into a fresh profile: CPU ms (user + system). */
function enqueueCpuMs(batch: NewMessage[]): number {
  const dir = tempDir('outpost-bench-');
  const db = openAppDatabase(dir.path);
  const { id } = addAccount(db, {
    name: 'A',
    provider: 'nrs',
    baseUrl: 'http://127.0.0.1:9',
    username: 'u',
    secretRef: 'env:X',
  });
  const rows = batch.map((m) => ({ ...m, accountId: id }));
  const start = process.cpuUsage();
  enqueueMessages(db, rows);
  const used = process.cpuUsage(start);
  db.close();
  dir.remove();
  return (used.user + used.system) / 1000;
}

/**
 * Both anchors and the enqueue in turn (A B C A B C …): the medians of the
 * per-round ratios against each.
 */
function enqueueAgainstAnchor(rounds: number, order: 'in order' | 'shuffled'): (string | number)[] {
  const inOrder = benchMessages(1, 100_000);
  const batch = order === 'in order' ? inOrder : shuffledRecipients(inOrder);
  const runs = Array.from({ length: rounds }, () => {
    const bare = bareInsertCpuMs(batch);
    const bareMulti = bareMultiRowCpuMs(batch);
    const ours = enqueueCpuMs(batch);
    return { bare, bareMulti, ours };
  });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const ms = (pick: (r: (typeof runs)[number]) => number) => Math.round(median(runs.map(pick)));
  const ratio = (pick: (r: (typeof runs)[number]) => number) =>
    `${median(runs.map((r) => r.ours / pick(r))).toFixed(2)}×`;
  return [
    `enqueue 100,000 vs bare insert, recipients ${order} (CPU ms, median of rounds)`,
    rounds,
    ms((r) => r.bare),
    ms((r) => r.ours),
    ratio((r) => r.bare),
    ms((r) => r.bareMulti),
    ratio((r) => r.bareMulti),
  ];
}

/** The header of the anchored row. */
const ANCHORED_HEADER = [
  'operation',
  'rounds',
  'bare ms (1 row per INSERT)',
  'enqueue ms',
  'ratio',
  `bare ms (${ROWS_PER_INSERT} rows per INSERT)`,
  `ratio to ${ROWS_PER_INSERT}-row bare`,
];

async function enqueueBench(): Promise<(string | number)[]> {
  const dir = tempDir('outpost-bench-');
  const db = openAppDatabase(dir.path);
  const { id } = addAccount(db, {
    name: 'A',
    provider: 'nrs',
    baseUrl: 'http://127.0.0.1:9',
    username: 'u',
    secretRef: 'env:X',
  });
  const batch = benchMessages(id, 100_000);
  const start = performance.now();
  enqueueMessages(db, batch);
  const ms = performance.now() - start;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const size = statSync(join(dir.path, 'outpost.sqlite')).size;
  db.close();
  dir.remove();
  return [
    'enqueue 100,000 (one transaction)',
    Math.round(ms),
    Math.round(100_000 / (ms / 1000)),
    peakRssMiB(),
    (size / 2 ** 20).toFixed(1),
  ];
}

/** One drain's figures: the summary row, the per-request time breakdown row and the HTTP split row. */
interface DrainFigures {
  summary: (string | number)[];
  breakdown: (string | number)[];
  split: (string | number)[];
  ends: (string | number)[];
}

const LATENCY_MS = 50;
const COUNT = 10_000;

function sandboxOptions() {
  return { demoData: false, credits: 1_000_000, faults: `latency=${LATENCY_MS}` };
}

/**
 * The simulator's own ceiling at this configuration (a client that only
 * sends, on a fresh sandbox process), and one of its answers.
 */
async function measureSandboxCeiling(concurrency: number, batchSize: number): Promise<CeilingRun> {
  const sandbox = await startSandboxProcess(sandboxOptions());
  try {
    await warmSandbox(sandbox.apis, { concurrency, batchSize });
    return await sandboxCeiling(sandbox.apis, { concurrency, batchSize, count: COUNT });
  } finally {
    await sandbox.close();
  }
}

async function drainBench(concurrency: number, batchSize: number): Promise<DrainFigures> {
  // Its own process: the client's cost is then the client's alone, and the
  // simulator does not take the client's CPU or event loop.
  const sandbox = await startSandboxProcess(sandboxOptions());
  await warmSandbox(sandbox.apis, { concurrency, batchSize });
  const dir = tempDir('outpost-bench-');
  const db = openAppDatabase(dir.path);
  const vault = new MemoryVault();
  const { id } = addAccount(db, {
    name: 'Sandbox',
    provider: 'nrs',
    baseUrl: sandbox.apis.nrs.baseUrl,
    username: sandbox.apis.nrs.username,
    secretRef: vault.store('nrs', sandbox.apis.nrs.password),
  });
  enqueueMessages(db, benchMessages(id, COUNT));
  const pool = new AdapterPool(db, vault);
  const engine = new OutboxEngine(db, pool.get, { concurrency, batchSize });
  const load = loadavg()[0] ?? 0;
  await sandbox.stats();
  const stopHttp = recordHttp();
  const eluStart = performance.eventLoopUtilization();
  const cpuStart = process.cpuUsage();
  const stolen = stealMeter();
  const start = performance.now();
  const totals = await engine.drain({ timeoutMs: 120_000 });
  const end = performance.now();
  const steal = stolen();
  const wallMs = end - start;
  const cpu = process.cpuUsage(cpuStart);
  const elu = performance.eventLoopUtilization(eluStart);
  const http = stopHttp();
  const server = await sandbox.stats();
  const rate = totals.accepted / (wallMs / 1000);
  const ceiling = (concurrency * batchSize) / (LATENCY_MS / 1000);
  const duplicates = await sandbox.duplicates();
  await pool.closeAll();
  db.close();
  dir.remove();
  await sandbox.close();
  const own = await measureSandboxCeiling(concurrency, batchSize);
  const adapter = adapterCpu(benchBatch(0, batchSize), own.sampleAnswer);
  const requests = Math.max(1, totals.requests);
  const perRequest = (ms: number) => (ms / requests).toFixed(1);
  const t = engine.timings.ms;
  const label = `${concurrency} × ${batchSize}`;
  const pct = (part: number, whole: number) => `${((part / whole) * 100).toFixed(0)}%`;
  const serverPer = server.serverMs / Math.max(1, server.requests);
  const wirePer = http.wireMs / Math.max(1, http.requests);
  const httpPer = t.http / requests;
  return {
    summary: [
      `drain ${COUNT.toLocaleString('en')} @ ${LATENCY_MS} ms`,
      concurrency,
      batchSize,
      totals.requests,
      (wallMs / 1000).toFixed(2),
      Math.round(rate),
      Math.round(ceiling),
      pct(rate, ceiling),
      Math.round(own.msgPerSec),
      pct(rate, own.msgPerSec),
      duplicates,
      load.toFixed(2),
      steal === null ? '—' : `${(steal * 100).toFixed(1)}%`,
    ],
    breakdown: [
      label,
      perRequest(t.claim),
      perRequest(t.http),
      perRequest(t.settle),
      perRequest(t.housekeeping),
      perRequest(t.idle),
      pct(t.http, concurrency * wallMs),
      pct((cpu.user + cpu.system) / 1000, wallMs),
      pct(elu.active, wallMs),
    ],
    ends: drainEnds(label, http, { start, end, concurrency, requests }),
    split: [
      label,
      httpPer.toFixed(1),
      (serverPer - LATENCY_MS).toFixed(1),
      LATENCY_MS,
      (wirePer - serverPer).toFixed(1),
      adapter.buildMs.toFixed(1),
      adapter.parseMs.toFixed(1),
      (httpPer - wirePer - adapter.buildMs - adapter.parseMs).toFixed(1),
      (http.turnaroundMs / Math.max(1, http.turnarounds)).toFixed(1),
      http.connections,
      pct(server.busyMs, wallMs),
      pct(server.cpuMs, wallMs),
    ],
  };
}

/**
 * The drain's start (its beginning to the first request of each slot), its
 * steady part (a slot's mean cycle, first request to last answer) and its
 * tail (the last answer to drain() returning), in ms: what the start and the
 * tail cost is what a drain of only requests ÷ concurrency cycles per slot
 * loses beyond its cycle.
 */
function drainEnds(
  label: string,
  http: HttpSplit,
  run: { start: number; end: number; concurrency: number; requests: number },
): (string | number)[] {
  const first = http.headersAt[0] ?? run.start;
  const lastSlot = http.headersAt[run.concurrency - 1] ?? first;
  const cycles = run.requests / run.concurrency;
  const cycle = (http.lastAnswerAt - first) / cycles;
  return [
    label,
    (first - run.start).toFixed(1),
    (lastSlot - run.start).toFixed(1),
    cycle.toFixed(1),
    (run.end - http.lastAnswerAt).toFixed(1),
    `${((LATENCY_MS / cycle) * 100).toFixed(0)}%`,
  ];
}

/**
 * The drain section of bench/RESULTS.md (its own, so the enqueue figures and
 * these can be rerun apart): `tsx bench/outbox.bench.ts --drain-only`.
 */
async function drainSection(): Promise<void> {
  const drains = [await drainBench(2, 100), await drainBench(4, 100), await drainBench(2, 500)];
  const body = [
    "Drain 10,000 recipients with 50 ms added latency: the ceiling is concurrency × batch size ÷ latency (every request waits the added latency once; the sandbox processes a request inside it, as a provider's round trip holds its processing), measured in the same run as the rate. The sandbox runs in its own process (bench/lib/sandbox-process.ts), so its CPU is not the client's; the sandbox's own ceiling is what a client that only sends (bench/lib/sandbox-ceiling.ts: no database, no adapter, bodies built beforehand) gets from a fresh sandbox process at the same configuration. The load column is the 1-minute load average when each drain started (the machine is shared); CPU stolen by the host is the share of the machine's CPU time its hypervisor gave other guests during the drain (/proc/stat), which slows the client and the simulator at once.",
    '',
    drainTables(drains),
  ].join('\n');
  console.log(body);
  if (!process.argv.includes('--no-record'))
    writeSection('outbox-drain', 'Outbox drain (bench/outbox.bench.ts)', body);
}

function drainTables(drains: DrainFigures[]): string {
  return [
    table(
      [
        'operation',
        'concurrency',
        'batch',
        'requests',
        'seconds',
        'msg/s',
        'ceiling msg/s',
        'of ceiling',
        "sandbox's own ceiling msg/s",
        'of sandbox ceiling',
        'duplicates',
        'load (1 min)',
        'CPU stolen by the host',
      ],
      drains.map((d) => d.summary),
    ),
    '',
    "Where a request's time goes (ms per request, summed over the worker slots; http includes the 50 ms the sandbox adds):",
    '',
    table(
      [
        'concurrency × batch',
        'claim + dispatch mark',
        'http',
        'settle',
        'housekeeping',
        'idle',
        'slots busy on http',
        'client CPU of wall',
        'client event loop busy',
      ],
      drains.map((d) => d.breakdown),
    ),
    '',
    "The drain's start, steady part and tail (ms): from drain() to the first request's headers and to the last slot's first; a slot's mean cycle (the first request to the last answer, over requests ÷ concurrency); the last answer to drain() returning. Of ceiling in the steady part is the added latency over that cycle (what a drain with no start and no tail would reach).",
    '',
    table(
      [
        'concurrency × batch',
        'start → first request',
        "start → last slot's first request",
        'cycle',
        'last answer → end',
        'of ceiling, steady part',
      ],
      drains.map((d) => d.ends),
    ),
    '',
    "The http phase split (ms per request): the sandbox beyond the latency is its receive → answer time less the added latency (timed in its process: it processes a request inside its latency, so this is what its answer came late, e.g. behind the other slot's request on its one event loop); the wire beyond it is undici's create → last byte less the sandbox's time (TCP, and the client's event loop reading the answer late); build and parse are the adapter's CPU timed apart on the same batch and a real answer; other waits are what is left (the awaits between the engine, the adapter and undici while the event loop runs other slots' work). Answer → next request is the last byte of an answer to the headers of the request that follows it (answers taken in order, as the slots take them): a slot’s turnaround, the client’s work between two requests (not part of http).",
    '',
    table(
      [
        'concurrency × batch',
        'http',
        'sandbox beyond the latency',
        'added latency',
        'wire beyond the sandbox',
        'adapter build',
        'adapter parse',
        'other waits',
        'answer → next request',
        'connections opened',
        'sandbox event loop busy',
        'sandbox CPU of wall',
      ],
      drains.map((d) => d.split),
    ),
  ].join('\n');
}

async function main() {
  if (process.argv.includes('--drain-only')) return drainSection();
  const startLoad = loadavg()[0] ?? 0;
  const anchored = [enqueueAgainstAnchor(5, 'in order'), enqueueAgainstAnchor(5, 'shuffled')];
  const enqueue = await enqueueBench();
  if (process.argv.includes('--enqueue-only')) {
    console.log(table(ANCHORED_HEADER, anchored));
    return;
  }
  const body = [
    `1-minute load average at the start of this run: ${startLoad.toFixed(2)} (a machine shared with other work). Enqueue figures are CPU time (user + system) of this process, anchor and enqueue measured in turn in the same run; the bench enqueues one template with two merge fields per row, the recipients in order (the target's row) and then the same rows with the recipients shuffled, as a real CSV's numbers come (the recipient index then inserts at random places). The drain has its own section below.`,
    '',
    table(ANCHORED_HEADER, anchored),
    '',
    table(['operation', 'ms', 'rows/s', 'peak RSS MiB', 'database MiB'], [enqueue]),
  ].join('\n');
  console.log(body);
  if (!process.argv.includes('--no-record'))
    writeSection('outbox', 'Outbox (bench/outbox.bench.ts)', body);
  await drainSection();
}

void main();
