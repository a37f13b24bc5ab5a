import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acceptedTimes,
  type Harness,
  startHarness,
  stateCounts,
} from '../../helpers/outbox-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

describe('the outbox against the sandbox', () => {
  it('sends every queued recipient once, in batches, and records the provider ids', async () => {
    h.enqueue(120);
    const totals = await h.engine().drain({ timeoutMs: 20_000 });
    expect(stateCounts(h.db)).toEqual({ accepted: 120 });
    expect(totals.requests).toBe(3); // 50 + 50 + 20
    const times = acceptedTimes(h.sandbox);
    expect(times.size).toBe(120);
    expect([...times.values()].every((n) => n === 1)).toBe(true);
    const missingIds = h.db
      .prepare(`SELECT count(*) FROM messages WHERE provider_message_id IS NULL`)
      .pluck()
      .get();
    expect(missingIds).toBe(0);
  });
});
