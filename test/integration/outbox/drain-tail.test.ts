// The drain's tail: slots that found nothing to claim wait while a sibling's
// last requests are still out. What must hold: an idle slot never blocks the
// event loop with a WAL checkpoint while a sibling's answer is on its way,
// every outcome is on disk when drain() returns (a power cut then loses
// none), a sibling's answer that arrives while a slot writes its outcomes is
// not held behind that slot's claim ahead (nor is a sibling's first request
// whose batch is still being flushed), and rows a sibling hands back for
// another try are picked up by an idle slot as soon as they are written, not
// when its sleep's timer ends.
// Timers are frozen, so "as soon as" is counted in event loop turns with no
// timer firing, never measured in milliseconds.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../electron/core/db/connection';
import { OutboxEngine } from '../../../electron/core/outbox/engine';
import type { CallOptions, ProviderAdapter } from '../../../electron/core/providers/types';
import type { OutgoingBatch, SendResult } from '../../../shared/domain/message';
import {
  answerEvery,
  FAST,
  type Harness,
  startHarness,
  stateCounts,
} from '../../helpers/outbox-harness';
import { tempDir } from '../../helpers/temp-dir';

let h: Harness;
/** A drain still running when a test failed: stopped and let go before the database closes. */
let running: { engine: OutboxEngine; drained: Promise<unknown>; pending: Pending[] } | null = null;

afterEach(async () => {
  vi.useRealTimers();
  if (running) {
    running.engine.stop();
    for (const p of running.pending) p.answer('accept');
    await running.drained.catch(() => undefined);
    running = null;
  }
  await h.close();
});

/** A request the test answers when it chooses. */
interface Pending {
  batch: OutgoingBatch;
  /** Answers the request (only the first call counts). */
  answer: (result: 'accept' | 'retry') => void;
}

/**
 * An adapter whose requests wait for the test, counting those outstanding;
 * every other call goes to the real adapter (nothing else is called here).
 */
function heldAdapter(pending: Pending[]) {
  const inFlight = { count: 0 };
  const adapterFor = (accountId: number): ProviderAdapter => {
    const real = h.pool.get(accountId);
    return new Proxy(real, {
      get(target, key, receiver) {
        if (key !== 'sendBatch') return Reflect.get(target, key, receiver);
        return (batch: OutgoingBatch) =>
          new Promise<SendResult>((resolve) => {
            inFlight.count += 1;
            let answered = false;
            pending.push({
              batch,
              answer: (result) => {
                if (answered) return;
                answered = true;
                inFlight.count -= 1;
                resolve(answerEvery(batch, result));
              },
            });
          });
      },
    });
  };
  return { adapterFor, inFlight };
}

/** Lets the engine run with timers frozen: event loop turns only. */
/** The rows leased to a request now: out, or claimed ahead. */
function leasedRows(): number {
  return Number(
    h.db.prepare(`SELECT count(*) FROM messages WHERE state = 'sending'`).pluck().get(),
  );
}

/** `adapterFor` with `hook` called at each request as it is made, with its options and its answer. */
function onEachSend(
  adapterFor: (accountId: number) => ProviderAdapter,
  hook: (options: CallOptions | undefined, sent: Promise<SendResult>) => void,
): (accountId: number) => ProviderAdapter {
  return (accountId) =>
    new Proxy(adapterFor(accountId), {
      get(target, key, receiver) {
        if (key !== 'sendBatch') return Reflect.get(target, key, receiver);
        return (batch: OutgoingBatch, options?: CallOptions) => {
          const sent = target.sendBatch(batch);
          hook(options, sent);
          return sent;
        };
      },
    });
}

/**
 * Runs `act` once, at the first settle's first statement (synchronous = NORMAL) after `arm()`,
 * while three requests are out: a sibling's answer arriving while a slot writes its outcomes.
 */
function duringFirstSettle(db: Db, pending: Pending[], act: () => void) {
  const pragma = db.pragma.bind(db);
  let armed = false;
  db.pragma = ((source: string, options?: { simple?: boolean }) => {
    if (armed && source === 'synchronous = NORMAL' && pending.length === 3) {
      armed = false;
      act();
    }
    return pragma(source, options);
  }) as typeof db.pragma;
  return {
    arm: () => {
      armed = true;
    },
  };
}

async function turns(n: number, until: () => boolean = () => false): Promise<void> {
  for (let i = 0; i < n && !until(); i++) await new Promise((r) => setImmediate(r));
}

/** Counts WAL checkpoints, and those run while one of the engine's requests was out. */
function countCheckpoints(inFlight: { count: number }) {
  const counts = { all: 0, whileInFlight: 0 };
  const pragma = h.db.pragma.bind(h.db);
  h.db.pragma = ((source: string, options?: { simple?: boolean }) => {
    if (source.startsWith('wal_checkpoint')) {
      counts.all += 1;
      if (inFlight.count > 0) counts.whileInFlight += 1;
    }
    return pragma(source, options);
  }) as typeof h.db.pragma;
  return counts;
}

/**
 * A disk that keeps only what was flushed: each fsync of the WAL (the
 * engine's seam) is when its contents reach the disk. The database file
 * itself is only written by checkpoints, which flush it themselves.
 */
function flushedDisk() {
  let wal: Buffer | null = null;
  return {
    syncWal: async (path: string) => {
      wal = readFileSync(path);
    },
    /** The outbox's states as a power cut now would leave them. */
    afterPowerCut(): Record<string, number> {
      const dir = tempDir('outpost-power-cut-');
      try {
        const file = join(dir.path, 'outpost.sqlite');
        copyFileSync(h.db.name, file);
        if (wal) writeFileSync(`${file}-wal`, wal);
        const db = new Database(file);
        try {
          return stateCounts(db);
        } finally {
          db.close();
        }
      } finally {
        dir.remove();
      }
    },
  };
}

/**
 * `count` rows queued and an adapter that holds each request; `counting` is
 * the same adapter noting the rows leased as each request is made.
 */
async function heldRows(count: number) {
  h = await startHarness();
  h.enqueue(count);
  const pending: Pending[] = [];
  const { adapterFor, inFlight } = heldAdapter(pending);
  const leasedAtRequest: number[] = [];
  const counting = onEachSend(adapterFor, () => leasedAtRequest.push(leasedRows()));
  return { pending, adapterFor, inFlight, leasedAtRequest, counting };
}

/** Starts a drain with timers frozen (event loop turns only); stopped after the test. */
function startDrain(
  adapterFor: (accountId: number) => ProviderAdapter,
  pending: Pending[],
  options: ConstructorParameters<typeof OutboxEngine>[2] = TWO_SLOTS,
): { ended: () => boolean; drained: Promise<unknown> } {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const engine = new OutboxEngine(h.db, adapterFor, options);
  let ended = false;
  const drained = engine.drain({ timeoutMs: 60_000 }).finally(() => {
    ended = true;
  });
  running = { engine, drained, pending };
  return { ended: () => ended, drained };
}

/** A WAL flush seam whose second call (the second slot's first claim) ends when the test says. */
function heldSecondFlush() {
  let calls = 0;
  let finish = () => {};
  return {
    syncWal: () => {
      calls += 1;
      if (calls !== 2) return Promise.resolve();
      return new Promise<void>((resolve) => (finish = resolve));
    },
    calls: () => calls,
    finish: () => finish(),
  };
}

// Two slots, three batches: the second slot runs out of work while the first still has a request out.
// The WAL's flush is the one piece of real I/O left; done at once, every step is a turn of the loop.
const TWO_SLOTS = {
  ...FAST,
  batchSize: 10,
  concurrency: 2,
  random: () => 0,
  syncWal: () => Promise.resolve(),
};

describe('the drain’s tail', () => {
  it('a slot with nothing left does not checkpoint the WAL while its sibling’s request is out', async () => {
    const { pending, adapterFor, inFlight } = await heldRows(30);
    const checkpoints = countCheckpoints(inFlight);
    const drain = startDrain(adapterFor, pending);

    await turns(2_000, () => pending.length === 2);
    pending[0]?.answer('accept');
    pending[1]?.answer('accept');
    await turns(2_000, () => pending.length === 3);
    expect(pending).toHaveLength(3);
    // The slot without a third batch goes idle meanwhile (its settles written, and unsynced).
    await turns(50);
    expect(inFlight.count).toBe(1);
    expect(checkpoints.whileInFlight).toBe(0);

    pending[2]?.answer('accept');
    await turns(2_000, drain.ended);
    await drain.drained;
    expect(stateCounts(h.db)).toEqual({ accepted: 30 });
    expect(checkpoints.whileInFlight).toBe(0);
  });

  it('every outcome is on disk when drain() returns: a power cut then loses none', async () => {
    h = await startHarness();
    const disk = flushedDisk();
    let queued = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 3 }),
        async (count, batchSize, concurrency) => {
          h.enqueue(count);
          queued += count;
          const engine = new OutboxEngine(h.db, h.pool.get, {
            ...FAST,
            batchSize,
            concurrency,
            syncWal: disk.syncWal,
          });
          await engine.drain({ timeoutMs: 30_000 });
          // Read in the same turn drain() resolved in, as a power cut at that moment would.
          expect(disk.afterPowerCut()).toEqual({ accepted: queued });
        },
      ),
      { numRuns: 12 },
    );
  });

  it('an answer that comes in while a sibling writes its outcomes has its next request written before that sibling claims ahead', async () => {
    const { pending, leasedAtRequest, counting } = await heldRows(60);
    // The second slot's answer arrives while the first writes its outcomes (its settle's first statement).
    const armed = duringFirstSettle(h.db, pending, () => pending[1]?.answer('accept'));
    startDrain(counting, pending);

    // Both slots' first requests are out, each with its next batch claimed ahead.
    await turns(2_000, () => pending.length === 2 && leasedRows() === 40);
    armed.arm();
    pending[0]?.answer('accept');
    await turns(2_000, () => pending.length === 4);
    expect(pending).toHaveLength(4);
    // When the second slot's next request was made, the first slot's next batch was not yet
    // leased: 20 rows of the two requests out, 10 claimed ahead by the second slot beside them.
    expect(leasedAtRequest[3]).toBe(30);
  });

  it("a sibling's request that undici writes a turn late is on the wire before this slot claims ahead", async () => {
    const { pending, adapterFor } = await heldRows(60);
    const leasedWhenWritten: number[] = [];
    // As undici on a kept-alive socket: the request is written at the check phase after it is made.
    const lateWrites = onEachSend(adapterFor, (options) =>
      options?.whenWritten?.(
        new Promise<void>((resolve) =>
          setImmediate(() => {
            leasedWhenWritten.push(leasedRows());
            resolve();
          }),
        ),
      ),
    );
    // …read at the poll after the first slot's settle ended (from undici, a turn later still).
    const armed = duringFirstSettle(h.db, pending, () =>
      setImmediate(() => setImmediate(() => pending[1]?.answer('accept'))),
    );
    startDrain(lateWrites, pending);

    await turns(2_000, () => pending.length === 2 && leasedRows() === 40);
    armed.arm();
    pending[0]?.answer('accept');
    await turns(2_000, () => leasedWhenWritten.length === 4);
    expect(leasedWhenWritten).toHaveLength(4);
    // The second slot's next request went out before the first slot leased its next batch:
    // 20 rows of the two requests out and 10 claimed ahead by the second slot beside them.
    expect(leasedWhenWritten[3]).toBe(30);
  });

  it("a sibling's request still connecting does not hold this slot's claim ahead (it may be another provider)", async () => {
    const { pending, adapterFor } = await heldRows(60);
    // A request is written when the test says so, or at the latest when it is answered
    // (as http.ts does): the second one's socket never connects.
    const writes: (() => void)[] = [];
    const connecting = onEachSend(adapterFor, (options, sent) => {
      let write = () => {};
      options?.whenWritten?.(new Promise<void>((resolve) => (write = resolve)));
      writes.push(write);
      void sent.finally(write);
    });
    startDrain(connecting, pending);

    await turns(2_000, () => pending.length === 2);
    writes[0]?.();
    // The first slot's request is out and it claims its next batch beside the two out.
    await turns(2_000, () => leasedRows() === 30);
    expect(leasedRows()).toBe(30);
  });

  it("at a drain's start, a sibling's first request still being flushed goes out before this slot claims ahead", async () => {
    const { pending, leasedAtRequest, counting } = await heldRows(60);
    // Both slots claim at once; the second claim's dispatch mark takes longer to reach the disk.
    const flush = heldSecondFlush();
    startDrain(counting, pending, { ...TWO_SLOTS, syncWal: flush.syncWal });

    await turns(2_000, () => pending.length === 1 && flush.calls() >= 2);
    await turns(50);
    // The first request is out and the second slot's batch is still being flushed:
    // nothing more is leased meanwhile.
    const meanwhile = [pending.length, leasedRows()];
    flush.finish();
    expect(meanwhile).toEqual([1, 20]);
    await turns(2_000, () => pending.length === 2 && leasedRows() === 40);
    // The second slot's first request was made with the two first batches leased only.
    expect(leasedAtRequest.slice(0, 2)).toEqual([20, 20]);
  });

  it("a slot waits for a sibling's flush no longer than its own answer takes", async () => {
    const { pending, adapterFor } = await heldRows(60);
    // The second claim's flush does not end before the test's last line.
    const flush = heldSecondFlush();
    startDrain(adapterFor, pending, { ...TWO_SLOTS, syncWal: flush.syncWal });

    await turns(2_000, () => pending.length === 1 && flush.calls() >= 2);
    pending[0]?.answer('accept');
    // Answered, the first slot claims its next batch and sends it beside the stuck sibling.
    await turns(2_000, () => pending.length === 2);
    const sent = pending.map((p) => p.batch.recipients.length);
    flush.finish();
    expect(sent).toEqual([10, 10]);
  });

  it('rows a sibling hands back for another try are sent by an idle slot without a timer firing', async () => {
    const { pending, adapterFor } = await heldRows(30);
    const drain = startDrain(adapterFor, pending);

    await turns(2_000, () => pending.length === 2);
    pending[0]?.answer('accept');
    pending[1]?.answer('accept');
    await turns(2_000, () => pending.length === 3);
    await turns(50);
    // The third batch comes back "try again" (no wait: the jitter is 0): its rows are due at once.
    pending[2]?.answer('retry');
    await turns(2_000, () => pending.length === 4);
    expect(pending).toHaveLength(4);
    expect(pending[3]?.batch.recipients.map((r) => r.to)).toEqual(
      pending[2]?.batch.recipients.map((r) => r.to),
    );

    pending[3]?.answer('accept');
    await turns(2_000, drain.ended);
    expect(drain.ended()).toBe(true);
    await drain.drained;
    expect(stateCounts(h.db)).toEqual({ accepted: 30 });
    expect(vi.getTimerCount()).toBe(0);
  });
});
