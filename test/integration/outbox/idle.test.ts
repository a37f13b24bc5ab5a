import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureSandboxAccount } from '../../../electron/core/accounts/sandbox-account';
import { CoreContext } from '../../../electron/core/context';
import { createDispatcher } from '../../../electron/core/ipc/dispatch';
import { createHandlers } from '../../../electron/core/ipc/handlers';
import { MemoryVault } from '../../../electron/core/vault/memory-vault';
import { type SandboxHandle, startSandbox } from '../../../electron/sandbox';
import { stateCounts } from '../../helpers/outbox-harness';
import { tempDir } from '../../helpers/temp-dir';

// A full collection before each heap reading, so the figures compare what is retained, not garbage.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const HOUR = 3_600_000;
/**
 * Simulated idle time. Every look at the queue runs the real SQLite queries,
 * so a week here would take minutes; six hours is over 40,000 sleeps, past
 * the depth where the old chained wake overflowed the stack. The week of
 * sleeps on their own is in test/unit/outbox/sleepers.test.ts.
 */
const IDLE_HOURS = 6;

let dir: ReturnType<typeof tempDir> | undefined;
let core: CoreContext | undefined;
let sandbox: SandboxHandle | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await core?.close();
  await sandbox?.close();
  dir?.remove();
});

/**
 * Lets the outbox's idle loop run through `ms` of simulated time: each step
 * fires the next timer (a worker's sleep) and lets the worker run up to its
 * next sleep. Returns how many sleeps ended.
 */
async function idleFor(ms: number): Promise<number> {
  const until = Date.now() + ms;
  let sleeps = 0;
  while (Date.now() < until) {
    vi.advanceTimersToNextTimer();
    sleeps += 1;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return sleeps;
}

function retainedHeap(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe('an app left running', () => {
  it('after idling for hours, a send is answered "queued" and goes out once; nothing grew', async () => {
    sandbox = await startSandbox({ demoData: false, credits: 1_000 });
    // Only the outbox's own timers are simulated; sockets and the sandbox run for real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    dir = tempDir('outpost-idle-');
    const vault = new MemoryVault();
    core = new CoreContext({ dataDir: dir.path, version: 'test', vault, secretStore: vault });
    const accountId = ensureSandboxAccount(core.db, vault, sandbox.apis.nrs);
    core.outbox.start();
    const dispatch = createDispatcher(createHandlers(core));

    const warmUp = await idleFor(HOUR);
    const heapBefore = retainedHeap();
    const handlesBefore = process.getActiveResourcesInfo().length;
    const timersBefore = vi.getTimerCount();
    const rest = await idleFor(IDLE_HOURS * HOUR - HOUR);
    const heapAfter = retainedHeap();

    // One step per simulated second, in which each of the two workers sleeps once.
    expect(warmUp + rest).toBeGreaterThanOrEqual(IDLE_HOURS * 3_600);
    expect(vi.getTimerCount()).toBe(timersBefore);
    expect(process.getActiveResourcesInfo().length).toBe(handlesBefore);
    expect(heapAfter - heapBefore).toBeLessThan(4 * 1024 * 1024);

    vi.useRealTimers();
    const reply = await dispatch('outbox.send', {
      accountId,
      to: '+34600111222',
      from: 'OUTPOST',
      text: 'Your table is ready.',
    });
    expect(reply).toMatchObject({ ok: true, value: { ok: true } });
    const until = Date.now() + 10_000;
    while (stateCounts(core.db).accepted !== 1 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(stateCounts(core.db)).toEqual({ accepted: 1 });
    expect(sandbox.ledger().map((e) => [e.to, e.times])).toEqual([['34600111222', 1]]);
  }, 300_000);
});
