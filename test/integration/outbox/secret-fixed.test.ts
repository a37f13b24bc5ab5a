import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxEngine } from '../../../electron/core/outbox/engine';
import { type Harness, SECRET_ENV, startHarness, stateCounts } from '../../helpers/outbox-harness';

let h: Harness;
let engine: OutboxEngine;
let running: Promise<void>;

beforeEach(async () => {
  h = await startHarness();
});

afterEach(async () => {
  engine.stop();
  await running;
  await h.close();
});

/** Polls (bounded) until `done` holds; false when it never did. */
async function eventually(done: () => boolean, ms = 5_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (done()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return done();
}

/** The app's long-running engine, started while the account's secret cannot be read. */
async function startWithoutSecret(): Promise<string> {
  const password = h.env[SECRET_ENV] ?? '';
  delete h.env[SECRET_ENV];
  engine = h.engine();
  running = engine.run();
  h.enqueue(3);
  expect(await eventually(() => engine.skippedAccounts.length > 0)).toBe(true);
  expect(stateCounts(h.db)).toEqual({ queued: 3 });
  return password;
}

describe('an account whose secret could not be read', () => {
  it('sends as soon as its secret is fixed, without a restart', async () => {
    const password = await startWithoutSecret();
    h.env[SECRET_ENV] = password;
    engine.secretChanged(h.accountId);
    expect(await eventually(() => stateCounts(h.db).accepted === 3)).toBe(true);
    expect(engine.skippedAccounts).toEqual([]);
  });

  it('sends when the account is given another secret reference (e.g. by the CLI)', async () => {
    const password = await startWithoutSecret();
    h.env.OUTPOST_TEST_OTHER_SECRET = password;
    h.db
      .prepare('UPDATE accounts SET secret_ref = ? WHERE id = ?')
      .run('env:OUTPOST_TEST_OTHER_SECRET', h.accountId);
    expect(await eventually(() => stateCounts(h.db).accepted === 3)).toBe(true);
  });

  it('stays skipped while nothing changed, saying why', async () => {
    await startWithoutSecret();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(stateCounts(h.db)).toEqual({ queued: 3 });
    expect(engine.skippedAccounts[0]).toMatch(/Sandbox/);
  });
});
