import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdapterPool } from '../../../electron/core/accounts/adapters';
import { OutboxEngine } from '../../../electron/core/outbox/engine';
import type { ProviderAdapter } from '../../../electron/core/providers/types';
import { EnvVault } from '../../../electron/core/vault/env-vault';
import { FAST, type Harness, startHarness } from '../../helpers/outbox-harness';

/**
 * A request that outlives its lease: the provider takes 3 s, the lease is 2 s
 * and the HTTP client would wait 60 s (the adapters' default). Another drainer
 * recovers the lease when it runs out; it must not ask the provider about (and
 * possibly send again) a request that is still open.
 */
const LATENCY_MS = 3_000;
const LEASE_MS = 2_000;

let h: Harness;
let pool: AdapterPool;

beforeEach(async () => {
  h = await startHarness({ faults: `latency=${LATENCY_MS}` });
  pool = new AdapterPool(h.db, new EnvVault(h.env));
});

afterEach(async () => {
  await pool.closeAll();
  await h.close();
});

interface Timeline {
  open: Set<string>;
  /** Reconciliation questions: which request, and whether it was still open then. */
  asked: { tag: string; whileOpen: boolean }[];
}

/** The real adapter, with a record of when requests end and when reconciliation asks about them. */
function recording(timeline: Timeline) {
  return (accountId: number): ProviderAdapter => {
    const real = pool.get(accountId);
    return new Proxy(real, {
      get(target, key, receiver) {
        if (key === 'sendBatch') {
          return async (...args: Parameters<ProviderAdapter['sendBatch']>) => {
            const tag = args[0].tags?.[0] ?? '';
            timeline.open.add(tag);
            try {
              return await target.sendBatch(...args);
            } finally {
              timeline.open.delete(tag);
            }
          };
        }
        if (key === 'reconcileBatch') {
          return (...args: Parameters<ProviderAdapter['reconcileBatch']>) => {
            const tag = args[0].requestTag ?? '';
            timeline.asked.push({ tag, whileOpen: timeline.open.has(tag) });
            return target.reconcileBatch(...args);
          };
        }
        return Reflect.get(target, key, receiver);
      },
    });
  };
}

describe('a request and its lease', () => {
  it('a request never runs past its lease, so a second drainer never reconciles one still open', async () => {
    const timeline: Timeline = { open: new Set(), asked: [] };
    const adapterFor = recording(timeline);
    const options = { ...FAST, leaseMs: LEASE_MS, concurrency: 1 };
    h.enqueue(3);
    const first = new OutboxEngine(h.db, adapterFor, { ...options, owner: 'first' });
    const second = new OutboxEngine(h.db, adapterFor, { ...options, owner: 'second' });
    const a = first.drain({ timeoutMs: 6_000 });
    // The second drainer starts once the first one's request is out.
    for (let i = 0; i < 200 && timeline.open.size === 0; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(timeline.open.size).toBe(1);
    const b = second.drain({ timeoutMs: 5_000 });
    await Promise.all([a, b]);
    expect(timeline.asked.length).toBeGreaterThan(0);
    expect(timeline.asked.filter((q) => q.whileOpen)).toEqual([]);
  });
});
