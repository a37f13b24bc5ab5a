import { afterEach, describe, expect, it } from 'vitest';
import { addAccount } from '../../../electron/core/accounts/repository';
import { cancelJob, retryMessage } from '../../../electron/core/outbox/control';
import { enqueueMessages } from '../../../electron/core/outbox/enqueue';
import { createJob } from '../../../electron/core/outbox/jobs';
import { startSandbox } from '../../../electron/sandbox';
import {
  acceptedTimes,
  FAST_POLICY,
  type Harness,
  startHarness,
  stateCounts,
} from '../../helpers/outbox-harness';

let h: Harness;
afterEach(() => h.close());

const row = (id: number) =>
  h.db.prepare('SELECT * FROM messages WHERE id = ?').get(id) as Record<string, unknown>;

describe('lost answers', () => {
  it('a send whose answer was lost after the provider recorded it is confirmed, not sent again', async () => {
    h = await startHarness({ faults: 'reset-after=1' });
    const ids = h.enqueue(3);
    const engine = h.engine();
    await engine.drain({ timeoutMs: 150 });
    expect(stateCounts(h.db)).toEqual({ unknown: 3 });
    expect(row(ids[0] ?? 0).error_text).toMatch(/unknown/i);

    h.sandbox.setFaults(null);
    await h.engine().drain({ timeoutMs: 10_000 });
    expect(stateCounts(h.db)).toEqual({ accepted: 3 });
    expect([...acceptedTimes(h.sandbox).values()]).toEqual([1, 1, 1]);
    expect(row(ids[0] ?? 0).error_text).toMatch(/Confirmed with the provider/);
  });

  it('a send the provider never received (reset before processing) is sent again once', async () => {
    h = await startHarness({ faults: 'reset-before=1' });
    h.enqueue(3);
    await h.engine().drain({ timeoutMs: 150 });
    h.sandbox.setFaults(null);
    await h.engine().drain({ timeoutMs: 10_000 });
    expect(stateCounts(h.db)).toEqual({ accepted: 3 });
    expect([...acceptedTimes(h.sandbox).values()]).toEqual([1, 1, 1]);
  });

  it('a provider that cannot be asked leaves the message for a person to retry or drop', async () => {
    h = await startHarness({ faults: 'reset-after=1' });
    h.env.ACTION_KEY = h.sandbox.apis.action.secretKey;
    const action = addAccount(h.db, {
      name: 'Action',
      provider: 'action',
      baseUrl: h.sandbox.apis.action.baseUrl,
      secretRef: 'env:ACTION_KEY',
    });
    const [id = 0] = enqueueMessages(h.db, [
      {
        accountId: action.id,
        recipient: '34666555444',
        sender: 'SHOP',
        template: 'Hi',
        body: 'Hi',
        encoding: 'gsm',
        segments: 1,
        maxParts: 1,
      },
    ]);
    await h.engine().drain({ timeoutMs: 2_000 });
    expect(row(id)).toMatchObject({ state: 'unknown', error_code: 'unreconcilable' });
    expect(row(id).error_text).toMatch(/Retry it \(it may arrive twice\) or drop it/);

    h.sandbox.setFaults(null);
    retryMessage(h.db, id);
    await h.engine().drain({ timeoutMs: 5_000 });
    expect(row(id).state).toBe('accepted');
  });
});

describe('transient failures', () => {
  it('a 429 waits at least its Retry-After before the next attempt', async () => {
    h = await startHarness({ faults: '429=1:3' });
    const [id = 0] = h.enqueue(1);
    const before = Date.now();
    await h
      .engine({ policy: { ...FAST_POLICY, retryAfterMaxMs: 60_000 } })
      .drain({ timeoutMs: 300 });
    const r = row(id);
    expect(r.state).toBe('queued');
    expect(r.attempts).toBe(1);
    expect(Number(r.not_before)).toBeGreaterThanOrEqual(before + 3_000);
    expect(r.error_text).toBeTruthy();
  });

  it('offline: nothing is used up, and only the network coming back resumes sending', async () => {
    h = await startHarness();
    const port = h.sandbox.port;
    await h.sandbox.close();
    h.enqueue(20);
    // A retry far beyond this test: if sending resumes, the network hook did it.
    const engine = h.engine({ offlineRetryMs: 10 * 60_000 });
    const running = engine.run();
    const offlineUntil = Date.now() + 10_000;
    while (engine.totals.released < 20 && Date.now() < offlineUntil) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(engine.totals.released).toBe(20);
    expect(stateCounts(h.db)).toEqual({ queued: 20 });
    expect(h.db.prepare('SELECT sum(attempts) FROM messages').pluck().get()).toBe(0);

    h.sandbox = await startSandbox({ port, demoData: false });
    // Several of the engine's idle looks pass with the network back but not announced: nothing moves.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(stateCounts(h.db)).toEqual({ queued: 20 });

    engine.networkChanged(true);
    const until = Date.now() + 10_000;
    while ((stateCounts(h.db).accepted ?? 0) < 20 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 25));
    }
    engine.stop();
    await running;
    expect(stateCounts(h.db)).toEqual({ accepted: 20 });
  });
});

describe('cancel', () => {
  it('cancelling a bulk job mid-send stops it before the next request', async () => {
    h = await startHarness({ faults: 'latency=40' });
    const job = createJob(h.db, {
      accountId: h.accountId,
      name: 'Promo',
      sender: 'OUTPOST',
      template: 'Your table is ready.',
    });
    h.enqueue(300, { jobId: job });
    const engine = h.engine({ batchSize: 10, concurrency: 2 });
    const running = engine.drain({ timeoutMs: 20_000 });
    while ((stateCounts(h.db).accepted ?? 0) < 20) await new Promise((r) => setTimeout(r, 5));
    const acceptedAtCancel = stateCounts(h.db).accepted ?? 0;
    const cancelled = cancelJob(h.db, job);
    await running;
    const counts = stateCounts(h.db);
    // Only requests already on the wire (at most concurrency × batch) may still complete.
    expect(counts.accepted ?? 0).toBeLessThanOrEqual(acceptedAtCancel + 20);
    // A batch claimed ahead (marked dispatched, its request not yet written) is
    // cancelled by the engine just before its request, not by cancelJob itself.
    expect(counts.cancelled ?? 0).toBeGreaterThanOrEqual(cancelled);
    expect(counts.cancelled ?? 0).toBeLessThanOrEqual(cancelled + 20);
    expect((counts.accepted ?? 0) + (counts.cancelled ?? 0)).toBe(300);
    expect(acceptedTimes(h.sandbox).size).toBe(counts.accepted);
  });
});
