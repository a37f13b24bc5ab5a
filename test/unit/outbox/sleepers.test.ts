import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Sleepers } from '../../../electron/core/outbox/sleepers';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

afterEach(() => {
  vi.useRealTimers();
});

function retainedHeap(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** Two workers, each sleeping a second and sleeping again, as the idle outbox does. */
async function idleSeconds(sleepers: Sleepers, seconds: number): Promise<void> {
  for (let s = 0; s < seconds; s++) {
    const both = Promise.all([sleepers.sleep(1_000), sleepers.sleep(1_000)]);
    vi.advanceTimersByTime(1_000);
    await both;
  }
}

describe('the outbox workers sleeping between looks', () => {
  it('a week of idle sleeps (1.2 million) holds nothing, and wake still ends every sleep at once', async () => {
    vi.useFakeTimers();
    const sleepers = new Sleepers();
    await idleSeconds(sleepers, 3_600);
    const heapAfterHour = retainedHeap();
    await idleSeconds(sleepers, 7 * 86_400 - 3_600);
    const heapAfterWeek = retainedHeap();
    expect(vi.getTimerCount()).toBe(0);
    expect(sleepers.size).toBe(0);
    // A closure chained per sleep would hold well over 100 MB by now.
    expect(heapAfterWeek - heapAfterHour).toBeLessThan(2 * 1024 * 1024);

    let woken = 0;
    const waiting = [sleepers.sleep(60_000), sleepers.sleep(60_000)].map((p) =>
      p.then(() => {
        woken += 1;
      }),
    );
    expect(() => sleepers.wakeAll()).not.toThrow();
    await Promise.all(waiting);
    expect(woken).toBe(2);
    // Woken sleeps leave no timer behind to fire later.
    expect(vi.getTimerCount()).toBe(0);
    expect(sleepers.size).toBe(0);
  }, 120_000);

  it('a sleep ended by its timer is forgotten: a later wake does not reach it', async () => {
    vi.useFakeTimers();
    const sleepers = new Sleepers();
    const first = sleepers.sleep(10);
    vi.advanceTimersByTime(10);
    await first;
    expect(sleepers.size).toBe(0);
    const second = sleepers.sleep(1_000);
    expect(sleepers.size).toBe(1);
    sleepers.wakeAll();
    await second;
    expect(vi.getTimerCount()).toBe(0);
  });
});
