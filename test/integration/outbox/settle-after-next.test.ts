// A slot writes its next request before it writes the outcomes of the answer
// it just got, so that settle is not on the wire's critical path. What must
// hold: an answer that pauses the account is still written before the batch
// claimed ahead goes out; a settle that fails after the provider accepted
// leaves the rows dispatched (never queued again as unsent), and recovery
// confirms them without sending them twice.
import { afterEach, describe, expect, it } from 'vitest';
import { OutboxEngine } from '../../../electron/core/outbox/engine';
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

const ONE_SLOT = { ...FAST, batchSize: 10, concurrency: 1 };
const SMS_POSTS = { method: 'POST', pathPrefix: '/nrs/api/rest/sms' };

/** The real adapter; `before(n)` runs as the Nth request is handed to it. */
function watched(before: (call: number) => void) {
  let calls = 0;
  return (accountId: number): ProviderAdapter => {
    const real = h.pool.get(accountId);
    return new Proxy(real, {
      get(target, key, receiver) {
        if (key !== 'sendBatch') return Reflect.get(target, key, receiver);
        return (...args: Parameters<ProviderAdapter['sendBatch']>) => {
          calls += 1;
          before(calls);
          return target.sendBatch(...args);
        };
      },
    });
  };
}

const dispatchedSending = () =>
  Number(
    h.db
      .prepare(
        "SELECT count(*) FROM messages WHERE state = 'sending' AND dispatched_at IS NOT NULL AND attempts = 1",
      )
      .pluck()
      .get(),
  );

describe('the outcomes of an answer are written after the slot’s next request', () => {
  it('the next request goes out before the previous answer is written, and every row ends accepted once', async () => {
    h = await startHarness();
    h.enqueue(30);
    const seen: Record<string, number>[] = [];
    const engine = new OutboxEngine(
      h.db,
      watched(() => seen.push(stateCounts(h.db))),
      ONE_SLOT,
    );
    await engine.drain({ timeoutMs: 5_000 });
    // When request 2 is handed over, batch 1 is answered but still 'sending'.
    expect(seen[1]).toEqual({ sending: 20, queued: 10 });
    expect(stateCounts(h.db)).toEqual({ accepted: 30 });
    expect(engine.totals.accepted).toBe(30);
    expect([...acceptedTimes(h.sandbox).values()]).toEqual(Array(30).fill(1));
  });

  it('an answer that pauses the account (111) is written before the batch claimed ahead is sent', async () => {
    // Money for exactly 30 one-part messages to Spain (0.045 EUR each).
    h = await startHarness({ credits: 30 * 0.045 });
    h.enqueue(60);
    await h.engine(ONE_SLOT).drain({ timeoutMs: 5_000 });
    // Three requests accepted, the fourth refused; the fifth batch was claimed ahead and stays unsent.
    expect(h.sandbox.requestCount(SMS_POSTS)).toBe(4);
    expect(stateCounts(h.db)).toEqual({ accepted: 30, queued: 30 });
  });

  it('a settle that fails after the provider accepted leaves the rows dispatched; recovery confirms them, none sent twice', async () => {
    h = await startHarness();
    h.enqueue(20);
    // The disk refuses the accepted rows' update (as a full disk or a broken file would).
    h.db.exec(`CREATE TRIGGER refuse_accept BEFORE UPDATE OF state ON messages
      WHEN NEW.state = 'accepted' BEGIN SELECT RAISE(ABORT, 'disk refused'); END`);
    const failing = h.engine({ ...ONE_SLOT, leaseMs: 1_200, owner: 'failing' });
    await expect(failing.drain({ timeoutMs: 5_000 })).rejects.toThrow(/disk refused/);
    // Both requests were answered (the second was in flight when the first settle failed).
    expect(h.sandbox.requestCount(SMS_POSTS)).toBe(2);
    expect(acceptedTimes(h.sandbox).size).toBe(20);
    expect(dispatchedSending()).toBe(20);

    h.db.exec('DROP TRIGGER refuse_accept');
    await new Promise((r) => setTimeout(r, 1_300));
    const next = h.engine({ ...ONE_SLOT, leaseMs: 1_200, owner: 'next' });
    const totals = await next.drain({ timeoutMs: 8_000 });
    expect(stateCounts(h.db)).toEqual({ accepted: 20 });
    expect(totals.confirmed).toBe(20);
    expect(totals.resent).toBe(0);
    expect([...acceptedTimes(h.sandbox).values()]).toEqual(Array(20).fill(1));
  });
});
