// The client's synchronous SQLite per drain request, in process, without HTTP:
// claim (with the dispatch mark) and settle of every batch of a 10,000-row
// outbox, as the drain bench's engine does them. CPU ms (user + system) a
// request, median of rounds: the machine is shared, so not wall time. `--root DIR` loads another tree's outbox code (A/B on one machine).
import { loadavg } from 'node:os';
import path from 'node:path';
import { benchMessages } from './lib/outbox-messages';

const rootAt = process.argv.indexOf('--root');
const root = rootAt > 0 ? path.resolve(process.argv[rootAt + 1] ?? '.') : path.resolve('.');
const batchAt = process.argv.indexOf('--batch');
const BATCH = batchAt > 0 ? Number(process.argv[batchAt + 1]) : 500;
const COUNT = 10_000;
const ROUNDS = 7;

async function load() {
  const at = (p: string) => import(path.join(root, p));
  return {
    accounts: await at('electron/core/accounts/repository.ts'),
    database: await at('electron/core/db/database.ts'),
    claim: await at('electron/core/outbox/claim.ts'),
    settle: await at('electron/core/outbox/settle.ts'),
    deferred: await at('electron/core/db/deferred-sync.ts'),
    enqueue: await at('electron/core/outbox/enqueue.ts'),
    temp: await at('test/helpers/temp-dir.ts'),
  };
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main() {
  const m = await load();
  const claimMs: number[] = [];
  const settleMs: number[] = [];
  let n = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const dir = m.temp.tempDir('outpost-bench-');
    const db = m.database.openAppDatabase(dir.path);
    const { id } = m.accounts.addAccount(db, {
      name: 'S',
      provider: 'nrs',
      baseUrl: 'http://127.0.0.1:9',
      username: 'u',
      secretRef: 'env:X',
    });
    m.enqueue.enqueueMessages(db, benchMessages(id, COUNT));
    const now = Date.now() + 1000;
    let c = 0;
    let s = 0;
    let requests = 0;
    for (;;) {
      const t0 = cpuMs();
      // The engine fsyncs the claim off the event loop and defers the settle's:
      // neither fsync is part of what blocks it.
      const claim = m.deferred.withDeferredSync(db, () =>
        m.claim.claimBatch(db, {
          owner: 'me',
          now,
          leaseMs: 30_000,
          batchSize: BATCH,
          dispatch: true,
        }),
      );
      const t1 = cpuMs();
      if (!claim) break;
      const outcomes = claim.rows.map((r: { id: number }, i: number) => ({
        id: r.id,
        kind: 'accepted',
        messageId: `M${n++}`.padStart(13, '0'),
        parts: 1,
        campaignId: '100001',
        sendingId: String(200_000 + i),
      }));
      for (const o of outcomes) o.sendingId = '200001';
      const t2 = cpuMs();
      m.deferred.withDeferredSync(db, () => m.settle.settle(db, claim.token, outcomes, now));
      const t3 = cpuMs();
      c += t1 - t0;
      s += t3 - t2;
      requests += 1;
    }
    if (round > 0) {
      claimMs.push(c / requests);
      settleMs.push(s / requests);
    }
    db.close();
    dir.remove();
  }
  console.log(
    `batch ${BATCH}: claim ${median(claimMs).toFixed(2)} ms, settle ${median(settleMs).toFixed(2)} ms a request (median of ${ROUNDS - 1}; load ${loadavg()[0]?.toFixed(2)}) root ${root}`,
  );
}

void main();
