// Outbox benchmarks (section `outbox` of bench/RESULTS.md):
// - enqueue 100,000 recipients in one transaction: time, peak memory, database size;
// - drain 10,000 recipients against the sandbox with 50 ms added latency, as
//   messages per second next to the ceiling that latency, batch size and
//   concurrency allow (each request carries one batch and takes ≥ 50 ms).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AdapterPool } from '../electron/core/accounts/adapters';
import { addAccount } from '../electron/core/accounts/repository';
import { openAppDatabase } from '../electron/core/db/database';
import { OutboxEngine } from '../electron/core/outbox/engine';
import { enqueueMessages, type NewMessage } from '../electron/core/outbox/enqueue';
import { MemoryVault } from '../electron/core/vault/memory-vault';
import { startSandbox } from '../electron/sandbox';
import { tempDir } from '../test/helpers/temp-dir';
import { peakRssMiB, table, writeSection } from './lib/results';

function messages(accountId: number, count: number): NewMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    accountId,
    recipient: `346${String(10_000_000 + i).padStart(8, '0')}`,
    sender: 'OUTPOST',
    template: 'Hola {name}, tu pedido {order} está listo.',
    fields: { name: `Cliente ${i}`, order: String(100_000 + i) },
    body: `Hola Cliente ${i}, tu pedido ${100_000 + i} está listo.`,
    encoding: 'ucs2',
    segments: 1,
    maxParts: 2,
  }));
}

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
  const batch = messages(id, 100_000);
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

async function drainBench(concurrency: number, batchSize: number) {
  const LATENCY_MS = 50;
  const COUNT = 10_000;
  const sandbox = await startSandbox({
    demoData: false,
    credits: 1_000_000,
    faults: `latency=${LATENCY_MS}`,
  });
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
  enqueueMessages(db, messages(id, COUNT));
  const pool = new AdapterPool(db, vault);
  const engine = new OutboxEngine(db, pool.get, { concurrency, batchSize });
  const start = performance.now();
  const totals = await engine.drain({ timeoutMs: 120_000 });
  const seconds = (performance.now() - start) / 1000;
  const rate = totals.accepted / seconds;
  const ceiling = (concurrency * batchSize) / (LATENCY_MS / 1000);
  const duplicates = sandbox.ledger().filter((e) => e.times > 1).length;
  await pool.closeAll();
  db.close();
  dir.remove();
  await sandbox.close();
  return [
    `drain ${COUNT.toLocaleString('en')} @ ${LATENCY_MS} ms`,
    concurrency,
    batchSize,
    totals.requests,
    seconds.toFixed(2),
    Math.round(rate),
    Math.round(ceiling),
    `${((rate / ceiling) * 100).toFixed(0)}%`,
    duplicates,
  ];
}

async function main() {
  const enqueue = await enqueueBench();
  const drains = [await drainBench(2, 100), await drainBench(4, 100), await drainBench(2, 500)];
  const body = [
    table(['operation', 'ms', 'rows/s', 'peak RSS MiB', 'database MiB'], [enqueue]),
    '',
    'Drain: the ceiling is concurrency × batch size ÷ latency (every request waits the added latency once).',
    '',
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
        'duplicates',
      ],
      drains,
    ),
  ].join('\n');
  console.log(body);
  if (!process.argv.includes('--no-record'))
    writeSection('outbox', 'Outbox (bench/outbox.bench.ts)', body);
}

void main();
