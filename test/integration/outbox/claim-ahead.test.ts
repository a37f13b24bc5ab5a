// A worker slot claims its next batch (lease and dispatch mark) while its
// request is in flight. What must hold for that batch, claimed but not yet
// written: a pause or a bulk cancel meanwhile keeps it from going out; a stop
// hands it back unsent; a kill leaves it to recovery and reconciliation,
// never sent twice; and no request is written before its dispatch mark is on disk.
import { afterEach, describe, expect, it } from 'vitest';
import { cancelJob } from '../../../electron/core/outbox/control';
import { OutboxEngine } from '../../../electron/core/outbox/engine';
import { createJob } from '../../../electron/core/outbox/jobs';
import { pauseAccount } from '../../../electron/core/outbox/pause';
import type { ProviderAdapter } from '../../../electron/core/providers/types';
import {
  acceptedTimes,
  FAST,
  type Harness,
  startHarness,
  stateCounts,
} from '../../helpers/outbox-harness';

let h: Harness;

afterEach(async () => {
  await h.close();
});

/** A gate a test opens when it has looked at the state it wants. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => {};
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

/**
 * The real adapter; `hold` runs before each request is written (the Nth call
 * gets N), `after` once its answer is in and before the engine sees it.
 */
function gated(
  hooks: { hold?: (call: number) => Promise<void>; after?: (call: number) => Promise<void> },
  calls: { n: number },
) {
  return (accountId: number): ProviderAdapter => {
    const real = h.pool.get(accountId);
    return new Proxy(real, {
      get(target, key, receiver) {
        if (key !== 'sendBatch') return Reflect.get(target, key, receiver);
        return async (...args: Parameters<ProviderAdapter['sendBatch']>) => {
          calls.n += 1;
          const call = calls.n;
          await hooks.hold?.(call);
          const result = await target.sendBatch(...args);
          await hooks.after?.(call);
          return result;
        };
      },
    });
  };
}

async function until(condition: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting for the state');
    await new Promise((r) => setTimeout(r, 5));
  }
}

const rowsOf = (state: string) =>
  h.db
    .prepare('SELECT attempts, dispatched_at FROM messages WHERE state = ? ORDER BY id')
    .all(state) as { attempts: number; dispatched_at: number | null }[];

const ONE_SLOT = { ...FAST, batchSize: 10, concurrency: 1 };

describe('a batch claimed while the request before it is in flight', () => {
  it('is not sent when its account is paused meanwhile, and goes back to the queue with no attempt used', async () => {
    h = await startHarness();
    h.enqueue(20);
    const first = gate();
    const calls = { n: 0 };
    const engine = new OutboxEngine(
      h.db,
      gated({ hold: (call) => (call === 1 ? first.wait : Promise.resolve()) }, calls),
      ONE_SLOT,
    );
    const running = engine.drain({ timeoutMs: 5_000 });
    // The first request is held before it is written; the next batch is claimed ahead.
    await until(() => (stateCounts(h.db).sending ?? 0) === 20);
    pauseAccount(h.db, h.accountId, '103', 'Credentials refused.', Date.now());
    first.open();
    await running;
    expect(calls.n).toBe(1);
    expect(stateCounts(h.db)).toEqual({ accepted: 10, queued: 10 });
    expect(rowsOf('queued')).toEqual(Array(10).fill({ attempts: 0, dispatched_at: null }));
    expect(acceptedTimes(h.sandbox).size).toBe(10);
  });

  it('of a bulk job cancelled meanwhile is cancelled, not sent and not left queued', async () => {
    h = await startHarness();
    const job = createJob(h.db, {
      accountId: h.accountId,
      name: 'Promo ahead',
      sender: 'OUTPOST',
      template: 'Your table is ready.',
    });
    h.enqueue(20, { jobId: job });
    const first = gate();
    const calls = { n: 0 };
    const engine = new OutboxEngine(
      h.db,
      gated({ hold: (call) => (call === 1 ? first.wait : Promise.resolve()) }, calls),
      ONE_SLOT,
    );
    const running = engine.drain({ timeoutMs: 5_000 });
    await until(() => (stateCounts(h.db).sending ?? 0) === 20);
    cancelJob(h.db, job);
    first.open();
    await running;
    expect(calls.n).toBe(1);
    expect(stateCounts(h.db)).toEqual({ accepted: 10, cancelled: 10 });
    expect(acceptedTimes(h.sandbox).size).toBe(10);
  });

  it('is handed back unsent when the engine stops, with no attempt used', async () => {
    h = await startHarness();
    h.enqueue(20);
    const first = gate();
    const calls = { n: 0 };
    const engine = new OutboxEngine(
      h.db,
      gated({ hold: (call) => (call === 1 ? first.wait : Promise.resolve()) }, calls),
      ONE_SLOT,
    );
    const running = engine.run();
    await until(() => (stateCounts(h.db).sending ?? 0) === 20);
    engine.stop();
    first.open();
    await running;
    expect(calls.n).toBe(1);
    expect(stateCounts(h.db)).toEqual({ accepted: 10, queued: 10 });
    expect(rowsOf('queued')).toEqual(Array(10).fill({ attempts: 0, dispatched_at: null }));
  });

  it('after a kill before its request, is asked about and sent once; the answered one is not sent again', async () => {
    h = await startHarness();
    h.enqueue(20);
    const never = gate();
    const calls = { n: 0 };
    // The first request reaches the provider, then the process "dies": its
    // answer is never read and nothing of this engine runs again.
    const dead = new OutboxEngine(h.db, gated({ after: () => never.wait }, calls), {
      ...ONE_SLOT,
      leaseMs: 1_200,
      owner: 'dead',
    });
    const deadRun = dead.drain({ timeoutMs: 60_000 }).catch(() => null);
    await until(
      () => (stateCounts(h.db).sending ?? 0) === 20 && acceptedTimes(h.sandbox).size === 10,
    );
    expect(rowsOf('sending').every((r) => r.attempts === 1 && r.dispatched_at !== null)).toBe(true);
    await new Promise((r) => setTimeout(r, 1_300));

    const next = h.engine({ ...ONE_SLOT, leaseMs: 1_200, owner: 'next' });
    const totals = await next.drain({ timeoutMs: 8_000 });
    expect(stateCounts(h.db)).toEqual({ accepted: 20 });
    expect(totals.confirmed).toBe(10);
    expect(totals.resent).toBe(10);
    const times = acceptedTimes(h.sandbox);
    expect(times.size).toBe(20);
    expect([...times.values()].every((n) => n === 1)).toBe(true);

    dead.stop();
    never.open();
    await deadRun;
    // The dead engine's late settle and hand-back are fenced by leases it no longer holds.
    expect(stateCounts(h.db)).toEqual({ accepted: 20 });
  });

  it('no request is written before its dispatch mark is on disk', async () => {
    h = await startHarness();
    h.enqueue(5);
    const flushed = gate();
    let flushes = 0;
    const calls = { n: 0 };
    const engine = new OutboxEngine(h.db, gated({}, calls), {
      ...ONE_SLOT,
      syncWal: async () => {
        flushes += 1;
        if (flushes === 1) await flushed.wait;
      },
    });
    const running = engine.drain({ timeoutMs: 5_000 });
    await until(() => flushes === 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(calls.n).toBe(0);
    expect(h.sandbox.requestCount({ method: 'POST', pathPrefix: '/nrs/api/rest/sms' })).toBe(0);
    flushed.open();
    await running;
    expect(calls.n).toBe(1);
    expect(stateCounts(h.db)).toEqual({ accepted: 5 });
  });
});
