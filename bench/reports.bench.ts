// Reports (section `reports` of bench/RESULTS.md): how long `reports.summary`
// takes over an account's 100,000 sends in 90 days (Spain, Portugal, the US and
// Canada, three senders), against a bare `SELECT count(*)` scan of the same rows
// measured in the same run. Median of 7 runs after a warm-up.
import { performance } from 'node:perf_hooks';
import { addAccount } from '../electron/core/accounts/repository';
import { openAppDatabase } from '../electron/core/db/database';
import { keepPrices } from '../electron/core/reports/prices';
import { reportSummary } from '../electron/core/reports/summary';
import { tempDir } from '../test/helpers/temp-dir';
import { table, writeSection } from './lib/results';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = 7;
const DAY = 86_400_000;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

function time(work: () => unknown): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

const dir = tempDir('outpost-bench-reports-');
const db = openAppDatabase(dir.path);
const accountId = addAccount(db, {
  name: 'Shop',
  provider: 'nrs',
  baseUrl: 'http://127.0.0.1:9/nrs',
  username: 'u',
  secretRef: 'env:UNUSED',
}).id;
keepPrices(
  db,
  accountId,
  [
    { countryIso: 'ES', countryName: 'Spain', currency: 'EUR', partMicros: 45_000 },
    { countryIso: 'PT', countryName: 'Portugal', currency: 'EUR', partMicros: 39_000 },
  ],
  Date.now(),
);
const now = Date.now();
const insert = db.prepare(
  `INSERT INTO messages (account_id, recipient, sender, template, body, encoding, segments, max_parts,
     state, not_before, give_up_at, created_at, updated_at, dispatched_at, parts, provider_message_id)
   VALUES (?, ?, ?, 'Hi', 'Hi', 'gsm', 1, 1, ?, 0, 0, ?, ?, ?, 1, 'G')`,
);
const prefixes = ['3466', '3461', '35191', '1212', '1416'];
const states = ['delivered', 'delivered', 'delivered', 'failed', 'accepted'];
db.transaction(() => {
  for (let i = 0; i < ROWS; i += 1) {
    const at = now - Math.floor((i / ROWS) * 90 * DAY);
    const recipient = `${prefixes[i % 5]}${String(1_000_000 + i).slice(-7)}`;
    insert.run(accountId, recipient, `S${i % 3}`, states[i % 5], at, at, at);
  }
})();

const scan = time(() =>
  db
    .prepare('SELECT count(*) FROM messages WHERE account_id = ? AND dispatched_at >= ?')
    .get(accountId, now - 91 * DAY),
);
const rows = (['day', 'week'] as const).map((bucket) => {
  const ms = time(() =>
    reportSummary(db, { accountId, days: 90, bucket, timeZone: 'Europe/Madrid' }),
  );
  return [`summary, 90 days by ${bucket}`, ms.toFixed(1), (ms / scan).toFixed(1)];
});
const body = `${ROWS.toLocaleString('en')} sends in 90 days on one account; median of ${RUNS} runs.\n\n${table(
  ['work', 'ms', '× bare count(*) scan'],
  [['bare count(*) scan of the same rows', scan.toFixed(1), '1.0'], ...rows],
)}`;
console.log(body);
writeSection('reports', 'Reports summary over 100,000 sends', body);
db.close();
dir.remove();
