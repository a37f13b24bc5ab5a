// Provider adapters over real HTTP against the sandbox, plus the CSV report parser.
// Run: npx tsx bench/providers.bench.ts
import { performance } from 'node:perf_hooks';
import { parseSendingEventsCsv } from '../electron/core/providers/nrs/campaigns';
import { createAdapter } from '../electron/core/providers/registry';
import { startSandbox } from '../electron/sandbox/index';
import type { OutgoingBatch } from '../shared/domain/message';
import { SENDING_EVENTS_CSV_COLUMNS } from '../shared/providers/nrs/campaigns';
import { peakRssMiB, table, writeSection } from './lib/results';

const ROUNDS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function timeIt(fn: () => Promise<unknown> | unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

function batchOf(n: number, round: { i: number }): OutgoingBatch {
  round.i++;
  return {
    from: 'Outpost',
    text: 'Hello {name}, your code is {code}.',
    encoding: 'gsm',
    maxParts: 1,
    campaignName: `bench-${round.i}`,
    recipients: Array.from({ length: n }, (_, k) => ({
      to: `346${String(10_000_000 + k).padStart(8, '0')}`,
      fields: { name: `Person ${k}`, code: String(1000 + k) },
    })),
  };
}

function csvOf(rows: number): string {
  const lines = [SENDING_EVENTS_CSV_COLUMNS.join(',')];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `"Spring, sale",1001,2001,${i},${i % 2 ? 'delivered' : 'sent'},346${String(i).padStart(8, '0')},,,ES,,,,2026-11-22T10:00:00+00:00`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({
    credits: 100_000_000,
    demoData: false,
    delivery: { sentAfterMs: 0, finalAfterMs: 0 },
  });
  const nrs = createAdapter({
    provider: 'nrs',
    baseUrl: sandbox.apis.nrs.baseUrl,
    username: sandbox.apis.nrs.username,
    secret: sandbox.apis.nrs.password,
  });
  const rows: (string | number)[][] = [];
  const round = { i: 0 };
  let lastIds: string[] = [];
  try {
    for (const n of [1, 100, 1000]) {
      const ms = await timeIt(async () => {
        const out = await nrs.sendBatch(batchOf(n, round));
        lastIds = out.results.flatMap((r) => (r.accepted && r.messageId ? [r.messageId] : []));
      });
      rows.push([
        `sendBatch, ${n} recipient(s), merge fields`,
        ms.toFixed(1),
        Math.round((n / ms) * 1000),
      ]);
    }
    const pollMs = await timeIt(() => nrs.getStatuses(lastIds));
    rows.push([
      `getStatuses, ${lastIds.length} ids (chunks of 100)`,
      pollMs.toFixed(1),
      Math.round((lastIds.length / pollMs) * 1000),
    ]);
    const accountMs = await timeIt(() => nrs.getAccount());
    rows.push(['getAccount (one small GET)', accountMs.toFixed(2), Math.round(1000 / accountMs)]);
  } finally {
    await nrs.close();
    await sandbox.close();
  }
  for (const n of [10_000, 100_000]) {
    const csv = csvOf(n);
    const ms = await timeIt(() => parseSendingEventsCsv(csv));
    rows.push([`parse events report CSV, ${n} rows`, ms.toFixed(1), Math.round((n / ms) * 1000)]);
  }
  const body = `${table(['operation', 'median ms', 'items/s'], rows)}\n\nMedian of ${ROUNDS} rounds; HTTP over loopback to the in-process sandbox (no faults). Peak RSS ${peakRssMiB()} MiB.`;
  console.log(body);
  writeSection('providers', 'Provider adapters (HTTP against the sandbox, CSV parsing)', body);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
