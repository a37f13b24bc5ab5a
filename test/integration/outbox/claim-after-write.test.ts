// A slot claims its next batch (milliseconds of synchronous SQLite) while
// its request is out, but only once that request is written: before that,
// the claim would hold the request back (a new connection takes several
// turns of the event loop to open). What must hold: nothing is claimed ahead
// while the adapter says its request is not written yet; once it is, the
// next batch is claimed before the answer comes; an adapter that cannot tell
// still gets its next batch claimed ahead; and the client's promise of the
// write settles before the answer, and also when the call fails unwritten.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { OutboxEngine } from '../../../electron/core/outbox/engine';
import { HttpClient } from '../../../electron/core/providers/http';
import type { CallOptions, ProviderAdapter } from '../../../electron/core/providers/types';
import type { OutgoingBatch, SendResult } from '../../../shared/domain/message';
import {
  answerEvery,
  FAST,
  type Harness,
  startHarness,
  stateCounts,
} from '../../helpers/outbox-harness';

let h: Harness | null = null;

afterEach(async () => {
  await h?.close();
  h = null;
});

function gate() {
  let open = () => {};
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

/** A request the test writes and answers when it chooses. */
interface Held {
  written: ReturnType<typeof gate>;
  answer: () => void;
}

/** sendBatch hands over a write the test completes (or none, `tells: false`) and waits to be answered. */
function heldAdapter(held: Held[], tells: boolean) {
  return (accountId: number): ProviderAdapter => {
    const real = h?.pool.get(accountId) as ProviderAdapter;
    return new Proxy(real, {
      get(target, key, receiver) {
        if (key !== 'sendBatch') return Reflect.get(target, key, receiver);
        return (batch: OutgoingBatch, opts?: CallOptions) => {
          const written = gate();
          if (tells) opts?.whenWritten?.(written.wait);
          return new Promise<SendResult>((resolve) => {
            held.push({ written, answer: () => resolve(answerEvery(batch, 'accept')) });
          });
        };
      },
    });
  };
}

const leased = () =>
  Number(h?.db.prepare("SELECT count(*) FROM messages WHERE state = 'sending'").pluck().get() ?? 0);

async function turns(n: number, until: () => boolean = () => false): Promise<void> {
  for (let i = 0; i < n && !until(); i++) await new Promise((r) => setImmediate(r));
}

const ONE_SLOT = { ...FAST, batchSize: 10, concurrency: 1, syncWal: () => Promise.resolve() };

describe('a slot claims ahead once its request is written', () => {
  it('claims nothing ahead while the request is unwritten, then the next batch before the answer', async () => {
    h = await startHarness();
    h.enqueue(30);
    const held: Held[] = [];
    const engine = new OutboxEngine(h.db, heldAdapter(held, true), ONE_SLOT);
    const drained = engine.drain({ timeoutMs: 60_000 });
    await turns(2_000, () => held.length === 1);
    expect(held).toHaveLength(1);
    await turns(200);
    expect(leased()).toBe(10);

    held[0]?.written.open();
    await turns(2_000, () => leased() === 20);
    expect(leased()).toBe(20);
    held[0]?.answer();
    await turns(2_000, () => held.length === 2);
    // The batch claimed ahead is the second request: it went out without a claim of its own.
    expect(held).toHaveLength(2);
    for (let i = 1; i < 3; i++) {
      await turns(2_000, () => held.length > i);
      held[i]?.written.open();
      held[i]?.answer();
    }
    await drained;
    expect(stateCounts(h.db)).toEqual({ accepted: 30 });
  });

  it('an adapter that cannot tell when it wrote still has the next batch claimed ahead', async () => {
    h = await startHarness();
    h.enqueue(20);
    const held: Held[] = [];
    const engine = new OutboxEngine(h.db, heldAdapter(held, false), ONE_SLOT);
    const drained = engine.drain({ timeoutMs: 60_000 });
    await turns(2_000, () => leased() === 20);
    expect(held).toHaveLength(1);
    expect(leased()).toBe(20);
    held[0]?.answer();
    await turns(2_000, () => held.length === 2);
    held[1]?.answer();
    await drained;
    expect(stateCounts(h.db)).toEqual({ accepted: 20 });
  });
});

describe('the HTTP client’s promise of the write', () => {
  it('settles once the request is written, before its answer; and when a call fails unwritten', async () => {
    const bodies: string[] = [];
    let answer: ServerResponse | null = null;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        bodies.push(body);
        answer = res;
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const client = new HttpClient({ baseUrl: `http://127.0.0.1:${port}`, providerName: 'Test' });
    try {
      let written: Promise<void> | null = null;
      let answered = false;
      const call = client
        .send({
          method: 'POST',
          path: '/sms',
          json: { to: ['34600000001'] },
          whenWritten: (w) => {
            written = w;
          },
        })
        .then((res) => {
          answered = true;
          return res;
        });
      // Handed over while the call was made, not later.
      expect(written).not.toBeNull();
      await written;
      expect(answered).toBe(false);
      await turns(2_000, () => answer !== null);
      expect(bodies).toEqual(['{"to":["34600000001"]}']);
      (answer as ServerResponse | null)?.end('{}');
      expect((await call).status).toBe(200);

      // Nothing listens there any more: the call fails unwritten, and the promise still settles.
      await new Promise<void>((r) => server.close(() => r()));
      let unwritten: Promise<void> | null = null;
      const failed = client.send({
        method: 'POST',
        path: '/sms',
        json: {},
        whenWritten: (w) => {
          unwritten = w;
        },
      });
      await expect(failed).rejects.toMatchObject({ kind: 'transient' });
      await expect(unwritten).resolves.toBeUndefined();
    } finally {
      await client.close();
      server.closeAllConnections?.();
      if (server.listening) await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
