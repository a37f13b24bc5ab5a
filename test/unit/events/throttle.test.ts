import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyedThrottle } from '../../../electron/core/events/throttle';

describe('the progress throttle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const latest = <V>(_previous: V | undefined, next: V) => next;

  it('delivers at most about ten flushes a second, and the last state always', () => {
    const flushed: number[] = [];
    const throttle = new KeyedThrottle<string, number>(100, latest, (_k, v) => flushed.push(v));
    // A job reporting a row every millisecond for ten seconds: 10,000 changes.
    for (let row = 1; row <= 10_000; row++) {
      throttle.push('job', row);
      vi.advanceTimersByTime(1);
    }
    vi.runAllTimers();
    expect(flushed.length).toBeGreaterThanOrEqual(95);
    expect(flushed.length).toBeLessThanOrEqual(101);
    expect(flushed.at(-1)).toBe(10_000);
    expect(throttle.idle).toBe(true);
  });

  it('spaces flushes by the interval and keeps the trailing state of a burst', () => {
    const times: number[] = [];
    const values: number[] = [];
    const throttle = new KeyedThrottle<string, number>(100, latest, (_k, v) => {
      times.push(Date.now());
      values.push(v);
    });
    const start = Date.now();
    for (let i = 1; i <= 50; i++) {
      throttle.push('job', i);
      vi.advanceTimersByTime(7);
    }
    vi.runAllTimers();
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
    expect(values.at(-1)).toBe(50);
    expect((times.at(-1) ?? Number.POSITIVE_INFINITY) - start).toBeLessThanOrEqual(50 * 7 + 100);
  });

  it("keeps a flush's listeners an interval apart even when one flush takes longer than the next", () => {
    // The clock runs with the fake timers, plus the time the flushes themselves took.
    let busy = 0;
    const now = () => Date.now() + busy;
    const heardAt: number[] = [];
    let slow = true;
    const throttle = new KeyedThrottle<string, number>(
      100,
      latest,
      () => {
        busy += slow ? 6 : 0; // the counts read before the event is sent
        heardAt.push(now());
        slow = !slow;
      },
      now,
    );
    for (let i = 0; i < 60; i++) {
      throttle.push('outbox', i);
      vi.advanceTimersByTime(5);
    }
    vi.runAllTimers();
    expect(heardAt.length).toBeGreaterThan(2);
    const gaps = heardAt.slice(1).map((t, i) => t - (heardAt[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
  });

  it('never flushes inside the caller (so a transaction commits first)', () => {
    const flush = vi.fn();
    const throttle = new KeyedThrottle<string, number>(100, latest, flush);
    throttle.push('job', 1);
    expect(flush).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(flush).toHaveBeenCalledWith('job', 1);
  });

  it('merges the changes of a burst per key', () => {
    const flushed: [string, number[]][] = [];
    const throttle = new KeyedThrottle<string, number[]>(
      100,
      (previous, next) => [...(previous ?? []), ...next],
      (key, ids) => flushed.push([key, ids]),
    );
    throttle.push('a', [1]);
    throttle.push('b', [2]);
    throttle.push('a', [3]);
    vi.advanceTimersByTime(0);
    expect(flushed).toEqual([
      ['a', [1, 3]],
      ['b', [2]],
    ]);
  });

  it('leaves no timer scheduled once idle, after dispose, or when the pending key is dropped', () => {
    const throttle = new KeyedThrottle<string, number>(100, latest, () => {});
    throttle.push('job', 1);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(0);
    throttle.push('job', 2);
    vi.advanceTimersByTime(100);
    expect(vi.getTimerCount()).toBe(0);
    expect(throttle.idle).toBe(true);

    throttle.push('job', 3);
    throttle.drop('job');
    expect(vi.getTimerCount()).toBe(0);

    throttle.push('job', 4);
    throttle.dispose();
    expect(vi.getTimerCount()).toBe(0);
    expect(throttle.idle).toBe(true);
  });

  it('spaces flushes out when a flush is slow, so it never takes more than a tenth of the time', () => {
    let clock = 0;
    const flushedAt: number[] = [];
    const throttle = new KeyedThrottle<string, number>(
      100,
      latest,
      () => {
        flushedAt.push(clock);
        clock += 50; // counting a large table
      },
      () => clock,
    );
    const tick = (ms: number) => {
      clock += ms;
      vi.advanceTimersByTime(ms);
    };
    throttle.push('outbox', 1);
    tick(0);
    expect(flushedAt).toEqual([0]);
    throttle.push('outbox', 2);
    tick(400);
    expect(flushedAt).toHaveLength(1);
    tick(100);
    expect(flushedAt).toHaveLength(2);
    // 50 ms of work every 500 ms at most.
    expect(flushedAt[1]).toBeGreaterThanOrEqual(500);
  });
});
