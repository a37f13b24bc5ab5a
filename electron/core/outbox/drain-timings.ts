import { performance } from 'node:perf_hooks';

/**
 * Where a drainer's time goes, summed over every worker slot (so the phases of
 * `concurrency` slots add up to about concurrency × wall time):
 * - claim: leasing the next batch and marking it dispatched (one transaction),
 *   and any wait for its flush before the request; a batch claimed ahead is
 *   claimed while the slot's request is in flight, so that part overlaps http;
 * - http: the provider call, from writing the request to its parsed answer;
 * - settle: writing the outcomes; an answer that pauses nothing is written
 *   once the slot's next request is, so that part overlaps http too;
 * - housekeeping: lease recovery, reconciliation and pause probes between requests;
 * - idle: waiting with nothing claimable (a sleep, or the queue ran dry).
 */
export type DrainPhase = 'claim' | 'http' | 'settle' | 'housekeeping' | 'idle';

export const DRAIN_PHASES: readonly DrainPhase[] = [
  'claim',
  'http',
  'settle',
  'housekeeping',
  'idle',
];

/** Fixed-size sums, so measuring a drain of any length holds the same memory. */
export class DrainTimings {
  readonly ms: Record<DrainPhase, number> = {
    claim: 0,
    http: 0,
    settle: 0,
    housekeeping: 0,
    idle: 0,
  };

  add(phase: DrainPhase, since: number): void {
    this.ms[phase] += performance.now() - since;
  }

  time<T>(phase: DrainPhase, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.add(phase, start);
    }
  }

  async timeAsync<T>(phase: DrainPhase, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.add(phase, start);
    }
  }
}
