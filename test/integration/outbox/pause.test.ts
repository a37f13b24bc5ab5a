import { afterEach, describe, expect, it } from 'vitest';
import { getAccount, setLocalAddress } from '../../../electron/core/accounts/repository';
import type { OutboxEngine } from '../../../electron/core/outbox/engine';
import { outboxStatus } from '../../../electron/core/outbox/status';
import {
  acceptedTimes,
  type Harness,
  SECRET_ENV,
  startHarness,
  stateCounts,
} from '../../helpers/outbox-harness';

let h: Harness;
afterEach(() => h.close());

function attemptsUsed(): number {
  return Number(h.db.prepare('SELECT coalesce(sum(attempts), 0) FROM messages').pluck().get());
}

/** Runs the app's long-lived loop until `done()` or the bound, then stops it. */
async function runUntil(
  engine: OutboxEngine,
  done: () => boolean,
  boundMs = 15_000,
): Promise<void> {
  const running = engine.run();
  const until = Date.now() + boundMs;
  while (!done() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  engine.stop();
  await running;
}

describe('account-blocking errors pause the account instead of failing messages', () => {
  it('112 from a disallowed address: paused with the IP to allow; resumes when that IP is allowed', async () => {
    h = await startHarness({ allowIps: ['127.0.0.1'] }, { localAddress: '127.0.0.2' });
    h.enqueue(40);
    await h.engine().drain({ timeoutMs: 10_000 });

    const status = outboxStatus(h.db);
    expect(status.counts.queued).toBe(40);
    expect(status.paused).toEqual([
      expect.objectContaining({
        account: 'Sandbox',
        code: 112,
        reason: expect.stringContaining('Allow 127.0.0.2'),
      }),
    ]);
    expect(attemptsUsed()).toBe(0);
    expect(acceptedTimes(h.sandbox).size).toBe(0);

    // The person allows the address at the provider: a probe notices and sending resumes by itself.
    h.sandbox.setAllowIps(['127.0.0.1', '127.0.0.2']);
    await runUntil(h.engine(), () => (stateCounts(h.db).accepted ?? 0) === 40);
    expect(stateCounts(h.db)).toEqual({ accepted: 40 });
    expect(getAccount(h.db, h.accountId)).toMatchObject({ paused: null, lastOkIp: '127.0.0.2' });
  });

  it('112, then the laptop moves back to an allowed network: "retry now" resumes', async () => {
    h = await startHarness({ allowIps: ['127.0.0.1'] }, { localAddress: '127.0.0.2' });
    h.enqueue(10);
    await h.engine().drain({ timeoutMs: 10_000 });
    expect(outboxStatus(h.db).paused).toHaveLength(1);

    setLocalAddress(h.db, h.accountId, '127.0.0.1');
    await h.pool.forget(h.accountId);
    await h.engine().drain({ timeoutMs: 10_000 });
    expect(stateCounts(h.db)).toEqual({ accepted: 10 });
    expect(getAccount(h.db, h.accountId).lastOkIp).toBe('127.0.0.1');
  });

  it('111 when credit runs out: nothing fails, and sending resumes once credit is back', async () => {
    // Money for exactly 30 one-part messages to Spain (0.045 EUR each).
    h = await startHarness({ credits: 30 * 0.045 });
    h.enqueue(100);
    await h.engine({ batchSize: 10 }).drain({ timeoutMs: 10_000 });
    const counts = stateCounts(h.db);
    expect(counts.failed ?? 0).toBe(0);
    expect(counts.accepted).toBe(30);
    expect(counts.queued).toBe(70);
    expect(outboxStatus(h.db).paused).toEqual([
      expect.objectContaining({ code: 111, reason: expect.stringMatching(/run out of credit/) }),
    ]);

    h.sandbox.setCredits(1_000);
    await runUntil(h.engine({ batchSize: 10 }), () => (stateCounts(h.db).accepted ?? 0) === 100);
    expect(stateCounts(h.db)).toEqual({ accepted: 100 });
    expect([...acceptedTimes(h.sandbox).values()].every((n) => n === 1)).toBe(true);
  });

  it('103 with a wrong password: paused without using attempts until the credentials are fixed', async () => {
    h = await startHarness();
    const right = h.env[SECRET_ENV];
    h.env[SECRET_ENV] = 'not-the-password';
    h.enqueue(5);
    await h.engine().drain({ timeoutMs: 10_000 });
    expect(outboxStatus(h.db).paused).toEqual([
      expect.objectContaining({
        code: 103,
        reason: expect.stringMatching(/user name or API password/),
      }),
    ]);
    expect(stateCounts(h.db)).toEqual({ queued: 5 });
    expect(attemptsUsed()).toBe(0);

    // A 103 pause never lifts by itself…
    await runUntil(h.engine(), () => false, 600);
    expect(outboxStatus(h.db).paused).toHaveLength(1);
    // …but a person who fixed the secret and retries resumes it.
    h.env[SECRET_ENV] = right;
    await h.pool.forget(h.accountId);
    await h.engine().drain({ timeoutMs: 10_000 });
    expect(stateCounts(h.db)).toEqual({ accepted: 5 });
  });
});
