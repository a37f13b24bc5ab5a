import { afterEach, describe, expect, it } from 'vitest';
import {
  acceptedTimes,
  type Harness,
  startHarness,
  stateCounts,
} from '../../helpers/outbox-harness';

let h: Harness;
afterEach(() => h.close());

describe('sending through an unreliable provider', () => {
  it('2,000 recipients with faults on 20% of requests: each accepted exactly once, none lost', async () => {
    h = await startHarness({
      seed: 7,
      faults: 'reset-before=0.05,reset-after=0.05,5xx=0.05,429=0.05:1',
    });
    h.enqueue(2_000);
    // Batches of 20: about a hundred requests, so every kind of fault comes up.
    const totals = await h.engine({ batchSize: 20 }).drain({ timeoutMs: 90_000 });

    const counts = stateCounts(h.db);
    const times = acceptedTimes(h.sandbox);
    const duplicates = [...times.values()].filter((n) => n > 1).length;
    const acceptedRows = h.db
      .prepare(`SELECT recipient FROM messages WHERE state = 'accepted'`)
      .pluck()
      .all() as string[];

    // Every recipient the provider took is accepted in the outbox, and vice versa.
    expect(duplicates).toBe(0);
    expect(new Set(acceptedRows)).toEqual(new Set(times.keys()));
    // Every row ended somewhere a person can see, with a reason when not accepted.
    expect((counts.accepted ?? 0) + (counts.failed ?? 0) + (counts.unknown ?? 0)).toBe(2_000);
    const unexplained = h.db
      .prepare(
        `SELECT count(*) FROM messages WHERE state IN ('failed', 'unknown') AND error_text IS NULL`,
      )
      .pluck()
      .get();
    expect(unexplained).toBe(0);
    // The faults really happened and were recovered from.
    expect(totals.retried).toBeGreaterThan(0); // 5xx and 429
    expect(totals.confirmed).toBeGreaterThan(0); // reset after the provider recorded the send
    expect(totals.resent).toBeGreaterThan(0); // reset before it did
    console.info('fault test', { counts, totals, requests: h.sandbox.requestCount() });
  }, 120_000);
});
