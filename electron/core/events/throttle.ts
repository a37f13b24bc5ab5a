/**
 * Coalesces bursts of changes per key and flushes them together at most once
 * every `intervalMs`. The flush always runs after the last change (trailing
 * edge), so the final state is never lost; it never runs synchronously inside
 * the caller, so a change reported inside a database transaction is read
 * after the commit. With nothing pending, no timer is left scheduled and the
 * map is empty. A flush that is expensive (it reads counts from a large
 * table) spaces the next one out, so flushing never takes more than
 * `maxBusyShare` of the time.
 */
export class KeyedThrottle<K, V> {
  private readonly pending = new Map<K, V>();
  private lastFlush = Number.NEGATIVE_INFINITY;
  private gapMs: number;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly merge: (previous: V | undefined, next: V) => V,
    private readonly flush: (key: K, value: V) => void,
    private readonly now: () => number = Date.now,
    private readonly maxBusyShare = 0.1,
  ) {
    this.gapMs = intervalMs;
  }

  push(key: K, value: V): void {
    this.pending.set(key, this.merge(this.pending.get(key), value));
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlush + this.gapMs - this.now());
    this.timer = setTimeout(() => this.run(), wait);
  }

  /** Forgets what is pending for one key (a later state made it stale). */
  drop(key: K): void {
    this.pending.delete(key);
    if (this.pending.size === 0 && this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  /** True when nothing is pending and no timer is scheduled. */
  get idle(): boolean {
    return this.timer === null && this.pending.size === 0;
  }

  /** Drops what is pending and the timer (the core is closing). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private run(): void {
    this.timer = null;
    const started = this.now();
    const batch = [...this.pending];
    this.pending.clear();
    for (const [key, value] of batch) this.flush(key, value);
    // Counted from the flush's end: a listener hears a flush's events during it, so
    // the interval from its start let a slow flush's events come closer than that.
    this.lastFlush = this.now();
    this.gapMs = Math.max(this.intervalMs, (this.lastFlush - started) / this.maxBusyShare);
  }
}
