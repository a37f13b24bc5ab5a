// The outbox's own queries on a 100,000-row outbox, with the indexes before
// migration 013 (two recipient indexes, migration 012's account-first one
// among them) and after it (one), side by side in the same run (section
// `outbox-queries` of bench/RESULTS.md). Issue 15 asks that storing less per
// row leaves the claim and the reconciliation no slower.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { addAccount } from '../electron/core/accounts/repository';
import type { Db } from '../electron/core/db/connection';
import { openAppDatabase } from '../electron/core/db/database';
import { listThreads } from '../electron/core/inbox/threads';
import { claimBatch } from '../electron/core/outbox/claim';
import { listMessages } from '../electron/core/outbox/list';
import { reconcileUnknown } from '../electron/core/outbox/reconcile';
import { recoverExpiredLeases } from '../electron/core/outbox/recover';
import { nextWakeAt } from '../electron/core/outbox/wake';
import type { ProviderAdapter } from '../electron/core/providers/types';
import { reportSummary } from '../electron/core/reports/summary';
import type { BatchReconciliation, LostRequest } from '../shared/domain/reconciliation';
import { tempDir } from '../test/helpers/temp-dir';
import { table, writeSection } from './lib/results';

const ROWS = 100_000;
const NOW = Date.UTC(2026, 10, 30, 12);

/** The message indexes as migration 012 left them (what main had before 013). */
const BEFORE_013 = `
  DROP INDEX messages_by_recipient;
  CREATE INDEX messages_by_recipient ON messages (recipient, created_at);
  CREATE INDEX messages_by_account_recipient ON messages (account_id, recipient, id);`;

/**
 * Two accounts, 20,000 numbers; of every 100 rows 70 delivered, 10 accepted,
 * 10 failed, 8 queued and due, 1 sending with its lease run out (every other
 * one dispatched), 1 outcome unknown (in requests of 10 rows).
 */
function outbox(schema: 'before' | 'after'): { db: Db; remove: () => void; account: number } {
  const dir = tempDir('outpost-bench-');
  const db = openAppDatabase(dir.path);
  if (schema === 'before') db.exec(BEFORE_013);
  const account = (name: string) =>
    addAccount(db, {
      name,
      provider: 'nrs',
      baseUrl: 'http://127.0.0.1:9',
      username: 'u',
      secretRef: 'env:X',
    }).id;
  const first = account('A');
  account('B');
  db.exec(`INSERT INTO message_templates (text, field_names) VALUES ('Hola {name}', '["name"]')`);
  db.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS}),
    r AS (SELECT i, i % 100 AS k, ${NOW - 30 * 86_400_000} + i * 20000 AS t FROM n)
    INSERT INTO messages (account_id, recipient, sender, template_id, field_values, body, encoding, segments,
      max_parts, state, not_before, give_up_at, created_at, updated_at, dispatched_at, lease_token,
      lease_owner, lease_expires_at, request_name, provider_message_id, campaign_name, parts)
    SELECT ${first} + i % 2, '346' || (10000000 + i % 20000), 'SHOP', 1, json_array('Cliente ' || i),
      'Hola Cliente ' || i, 'gsm', 1, 1,
      CASE WHEN k < 70 THEN 'delivered' WHEN k < 80 THEN 'accepted' WHEN k < 90 THEN 'failed'
           WHEN k < 98 THEN 'queued' WHEN k = 98 THEN 'sending' ELSE 'unknown' END,
      CASE WHEN k >= 90 AND k < 98 THEN ${NOW} - 1000 ELSE t END, ${NOW} + 86400000, t, t,
      CASE WHEN k < 90 OR k = 99 OR (k = 98 AND i % 200 < 100) THEN t + 10 END,
      CASE WHEN k = 98 THEN 'lease-' || i END, CASE WHEN k = 98 THEN 'other' END,
      CASE WHEN k = 98 THEN ${NOW} - 1 END,
      CASE WHEN k = 99 THEN 'req-' || (i / 1000) WHEN k < 90 THEN 'req-' || (i / 1000) END,
      CASE WHEN k < 90 THEN 'G' || i END, 'Outpost', CASE WHEN k < 90 THEN 1 END
    FROM r`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const remove = () => {
    db.close();
    dir.remove();
  };
  return { db, remove, account: first };
}

/** A provider that answers every lost request at once: half its rows accepted, half absent. */
const answering = {
  provider: 'nrs',
  capabilities: { reconcile: true },
  reconcileBatch: async (request: LostRequest): Promise<BatchReconciliation> => ({
    campaignFound: true,
    acceptedCount: null,
    sendingIds: ['S1'],
    recipients: request.recipients.map((r, i) => ({
      to: r.to,
      ref: r.ref,
      state: i % 2 === 0 ? 'accepted' : 'absent',
      events: [],
    })),
  }),
} as unknown as ProviderAdapter;

type Operation = [name: string, run: (db: Db, account: number) => unknown];

const operations: Operation[] = [
  [
    'claim a batch of 100 (any account)',
    (db) => claimBatch(db, { owner: 'me', now: NOW, leaseMs: 30_000, batchSize: 100 }),
  ],
  [
    'claim a batch of 100 (one account)',
    (db, account) =>
      claimBatch(db, {
        owner: 'me',
        now: NOW,
        leaseMs: 30_000,
        batchSize: 100,
        accountId: account + 1,
      }),
  ],
  [
    'next wake',
    (db) =>
      nextWakeAt(db, {
        now: NOW,
        accountId: null,
        owner: 'me',
        offlineUntil: new Map(),
        unusable: [],
        probeAt: null,
      }),
  ],
  ['recover 1,000 expired leases', (db) => recoverExpiredLeases(db, NOW)],
  [
    'reconcile 1,000 outcome-unknown rows (100 requests)',
    (db) => reconcileUnknown(db, () => answering, { now: NOW, retryMs: 60_000 }),
  ],
  ['inbox: 50 threads', (db) => listThreads(db, { limit: 50 })],
  [
    'inbox: a thread page',
    (db, account) =>
      listMessages(db, { accountId: account, recipient: '34610000002', limit: 101, now: NOW }),
  ],
  [
    'report, 30 days by day',
    (db, account) =>
      reportSummary(db, { accountId: account, days: 30, bucket: 'day', timeZone: 'UTC', now: NOW }),
  ],
];

/** Median ms of `rounds` runs, each undone afterwards so every run sees the same outbox. */
async function medianMs(db: Db, account: number, run: Operation[1], rounds: number) {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    db.exec('BEGIN IMMEDIATE');
    const start = performance.now();
    await run(db, account);
    times.push(performance.now() - start);
    db.exec('ROLLBACK');
  }
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
}

async function main() {
  const startLoad = loadavg()[0] ?? 0;
  const before = outbox('before');
  const after = outbox('after');
  const rows: (string | number)[][] = [];
  for (const [name, run] of operations) {
    // Interleaved (before, after, before, after…) so a noisy moment weighs on both.
    const b: number[] = [];
    const a: number[] = [];
    for (let round = 0; round < 3; round++) {
      b.push(await medianMs(before.db, before.account, run, 5));
      a.push(await medianMs(after.db, after.account, run, 5));
    }
    const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[1] ?? 0;
    rows.push([name, med(b).toFixed(2), med(a).toFixed(2), `${(med(a) / med(b)).toFixed(2)}×`]);
  }
  before.remove();
  after.remove();
  const body = [
    `1-minute load average at the start of this run: ${startLoad.toFixed(2)} (a machine shared with other work). ${ROWS.toLocaleString('en')} rows (two accounts, 20,000 numbers; 8% queued, 1% sending with expired leases, 1% outcome unknown, the rest sent). Each figure is the median of 3 × 5 runs, each run rolled back; "before" is the schema with migration 012's indexes, "after" with 013's.`,
    '',
    table(['operation', 'before 013 ms', 'after 013 ms', 'after ÷ before'], rows),
  ].join('\n');
  console.log(body);
  writeSection(
    'outbox-queries',
    'Outbox queries, before and after migration 013 (bench/outbox-queries.bench.ts)',
    body,
  );
}

void main();
