import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, exited, spawnTs, waitForOutput } from '../../helpers/child';
import {
  acceptedTimes,
  type Harness,
  SECRET_ENV,
  startHarness,
  stateCounts,
} from '../../helpers/outbox-harness';

const CHILD = 'test/integration/outbox/drain-child.ts';
let h: Harness;
afterEach(() => h.close());

function childEnv() {
  return { [SECRET_ENV]: h.sandbox.apis.nrs.password };
}

/** What a kill left behind: leased rows, and those already handed to the provider (outcome unknown). */
function inFlight(): { leased: number; dispatched: number } {
  return h.db
    .prepare(
      `SELECT count(*) AS leased, count(dispatched_at) AS dispatched FROM messages WHERE state = 'sending'`,
    )
    .get() as { leased: number; dispatched: number };
}

function duplicates(): number {
  return [...acceptedTimes(h.sandbox).values()].filter((n) => n > 1).length;
}

describe('drainers in separate processes', () => {
  it('a drainer killed with SIGKILL at random moments, five times, never sends anyone twice', async () => {
    h = await startHarness({ seed: 3, faults: 'latency=5-40' });
    h.enqueue(5_000);
    let kills = 0;
    const leftBehind: { leased: number; dispatched: number }[] = [];
    // Deterministic "random" kill delays, so a failure can be replayed.
    const delays = [180, 420, 90, 650, 300, 510];
    for (const delay of delays) {
      const child = spawnTs(CHILD, [h.dir, '60000'], childEnv());
      const started = await waitForOutput(child, 'started');
      expect(started).toBe(true);
      await new Promise((r) => setTimeout(r, delay));
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        kills += 1;
        await exited(child);
        // Read before the next drainer starts and recovers them.
        leftBehind.push(inFlight());
      } else {
        await exited(child);
      }
    }
    expect(kills).toBeGreaterThanOrEqual(5);
    // Recovery was really exercised: kills landed mid-request, some after the request was written.
    expect(
      leftBehind.filter((k) => k.leased > 0).length,
      JSON.stringify(leftBehind),
    ).toBeGreaterThanOrEqual(2);
    expect(
      leftBehind.some((k) => k.dispatched > 0),
      JSON.stringify(leftBehind),
    ).toBe(true);

    const last = spawnTs(CHILD, [h.dir, '60000'], childEnv());
    const output = collect(last);
    expect(await exited(last), output.stderr()).toBe(0);

    const counts = stateCounts(h.db);
    console.info('kill test', {
      kills,
      leftBehind,
      counts,
      ledger: h.sandbox.ledger().length,
    });
    expect(duplicates()).toBe(0);
    expect(counts.sending ?? 0).toBe(0);
    expect(counts.queued ?? 0).toBe(0);
    expect((counts.accepted ?? 0) + (counts.failed ?? 0) + (counts.unknown ?? 0)).toBe(5_000);
    const acceptedRows = h.db
      .prepare(`SELECT recipient FROM messages WHERE state = 'accepted'`)
      .pluck()
      .all();
    expect(new Set(acceptedRows)).toEqual(new Set(acceptedTimes(h.sandbox).keys()));
  }, 120_000);

  it('a drainer killed the moment drain() returns has saved every outcome', async () => {
    h = await startHarness({ seed: 7, faults: 'latency=2-20' });
    h.enqueue(2_000);
    const child = spawnTs(CHILD, [h.dir, '60000', 'kill-after-drain'], childEnv());
    const output = collect(child);
    await exited(child);
    expect(child.signalCode, output.stderr()).toBe('SIGKILL');
    // A new connection reads the files as the killed process left them.
    const reopened = new Database(join(h.dir, 'outpost.sqlite'), { readonly: true });
    try {
      expect(stateCounts(reopened)).toEqual({ accepted: 2_000 });
    } finally {
      reopened.close();
    }
    expect(duplicates()).toBe(0);
    expect(acceptedTimes(h.sandbox).size).toBe(2_000);
  }, 120_000);

  it('two drainers on one data folder at once send each recipient once', async () => {
    h = await startHarness({ seed: 5, faults: 'latency=2-20' });
    h.enqueue(3_000);
    const a = spawnTs(CHILD, [h.dir, '60000'], childEnv());
    const b = spawnTs(CHILD, [h.dir, '60000'], childEnv());
    const [outA, outB] = [collect(a), collect(b)];
    expect(await exited(a), outA.stderr()).toBe(0);
    expect(await exited(b), outB.stderr()).toBe(0);
    const totalsA = JSON.parse(outA.stdout().trim().split('\n').pop() ?? '{}');
    const totalsB = JSON.parse(outB.stdout().trim().split('\n').pop() ?? '{}');
    expect(duplicates()).toBe(0);
    expect(stateCounts(h.db)).toEqual({ accepted: 3_000 });
    // Accepted at once, or confirmed with the provider after a lost answer (a slow machine times out).
    const taken = (t: { accepted: number; confirmed: number }) => t.accepted + t.confirmed;
    expect(taken(totalsA) + taken(totalsB)).toBe(3_000);
    // Both really took part.
    expect(Math.min(taken(totalsA), taken(totalsB))).toBeGreaterThan(0);
    // The shared WAL was checkpointed rather than left to grow (about 4 MiB here without it).
    expect(statSync(join(h.dir, 'outpost.sqlite-wal')).size).toBeLessThan(2 ** 20);
  }, 120_000);
});
