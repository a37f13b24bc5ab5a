/**
 * Workers waiting for their next look at the queue. Each sleep holds exactly
 * one timer and one entry here, and both are gone the moment it ends (by its
 * timer or by wake), so an app idling for weeks holds no more than it did in
 * its first second: nothing is chained onto the previous sleep.
 */
export class Sleepers {
  private readonly waiting = new Set<() => void>();

  /** Resolves after `ms`, or sooner when wakeAll() is called. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      this.waiting.add(done);
    });
  }

  /** Ends every sleep now. Safe to call at any time, any number of times. */
  wakeAll(): void {
    const now = [...this.waiting];
    this.waiting.clear();
    for (const done of now) done();
  }

  /** How many sleeps are pending (at most one per worker). */
  get size(): number {
    return this.waiting.size;
  }
}
