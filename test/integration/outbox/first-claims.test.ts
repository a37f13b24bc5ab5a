// A drain's first requests: every slot's first batch is leased and marked
// dispatched in one transaction, flushed once, before any request is
// written. What must hold: no request goes out before that flush; a slot
// with no batch of its own (fewer batches than slots) still ends the drain;
// if the flush fails, every first batch goes back to the queue unsent, with
// its attempt given back, and nothing reaches the provider.
import { afterEach, describe, expect, it } from 'vitest';
import { OutboxEngine } from '../../../electron/core/outbox/engine';
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

const SMS_POSTS = { method: 'POST', pathPrefix: '/nrs/api/rest/sms' };

const dispatched = () =>
  Number(
    h.db
      .prepare(
        "SELECT count(*) FROM messages WHERE state = 'sending' AND dispatched_at IS NOT NULL AND attempts = 1",
      )
      .pluck()
      .get(),
  );

describe('the first batch of every slot', () => {
  it('is dispatched in one flush before any request, and every row ends accepted once', async () => {
    h = await startHarness();
    h.enqueue(45);
    const atFirstFlush: { dispatched: number; posts: number }[] = [];
    const engine = new OutboxEngine(h.db, h.pool.get, {
      ...FAST,
      batchSize: 10,
      concurrency: 3,
      syncWal: async () => {
        if (atFirstFlush.length === 0)
          atFirstFlush.push({
            dispatched: dispatched(),
            posts: h.sandbox.requestCount(SMS_POSTS),
          });
      },
    });
    await engine.drain({ timeoutMs: 10_000 });
    expect(atFirstFlush).toEqual([{ dispatched: 30, posts: 0 }]);
    expect(stateCounts(h.db)).toEqual({ accepted: 45 });
    expect([...acceptedTimes(h.sandbox).values()].every((n) => n === 1)).toBe(true);
    expect(acceptedTimes(h.sandbox).size).toBe(45);
  });

  it('a slot left without a first batch still lets the drain end', async () => {
    h = await startHarness();
    h.enqueue(5);
    const engine = h.engine({ batchSize: 10, concurrency: 4 });
    const totals = await engine.drain({ timeoutMs: 10_000 });
    expect(totals.requests).toBe(1);
    expect(stateCounts(h.db)).toEqual({ accepted: 5 });
  });

  it('a failed flush hands every first batch back unsent, its attempt given back', async () => {
    h = await startHarness();
    h.enqueue(25);
    const engine = new OutboxEngine(h.db, h.pool.get, {
      ...FAST,
      batchSize: 10,
      concurrency: 2,
      syncWal: () => Promise.reject(new Error('disk gone')),
    });
    await expect(engine.drain({ timeoutMs: 10_000 })).rejects.toThrow('disk gone');
    expect(h.sandbox.requestCount(SMS_POSTS)).toBe(0);
    expect(stateCounts(h.db)).toEqual({ queued: 25 });
    const attempts = h.db.prepare('SELECT sum(attempts) FROM messages').pluck().get();
    expect(attempts).toBe(0);
  });
});
