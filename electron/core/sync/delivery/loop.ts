import type { Db } from '../../db/connection';
import { type AdapterFor, type PollOptions, type PollReport, pollDeliveries } from './poller';

export interface LoopOptions extends Omit<PollOptions, 'signal'> {
  /** Stop after this long even if messages are still waiting for a final status. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Shortest and longest sleep between passes. Defaults 250 ms and 60 s. */
  minSleepMs?: number;
  maxSleepMs?: number;
  /** After a pass where an account could not be polled. Default 5 s (or the provider's Retry-After). */
  errorSleepMs?: number;
  onPass?: (report: PollReport) => void;
}

export interface LoopResult {
  passes: number;
  delivered: number;
  failed: number;
  /** True when no accepted message is left waiting for a status. */
  settled: boolean;
  lastErrors: PollReport['errors'];
}

/**
 * Polls until every accepted message has a final status, the timeout passes
 * or the signal aborts: the CLI's `outbox drain` and the app's background
 * task. It sleeps until the next message is due, so an idle account costs
 * no requests.
 */
export async function pollUntilSettled(
  db: Db,
  adapterFor: AdapterFor,
  options: LoopOptions,
): Promise<LoopResult> {
  const now = options.now ?? Date.now;
  const deadline = now() + options.timeoutMs;
  const result: LoopResult = { passes: 0, delivered: 0, failed: 0, settled: false, lastErrors: [] };
  const { timeoutMs: _t, signal, onPass, ...pollOptions } = options;
  while (!signal?.aborted) {
    const report = await pollDeliveries(db, adapterFor, {
      ...pollOptions,
      ...(signal ? { signal } : {}),
    });
    result.passes++;
    result.delivered += report.delivered;
    result.failed += report.failed;
    result.lastErrors = report.errors;
    onPass?.(report);
    if (report.nextDueAt === null) {
      result.settled = true;
      break;
    }
    const remaining = deadline - now();
    if (remaining <= 0) break;
    await sleep(Math.min(remaining, sleepFor(report, now(), options)), signal);
  }
  return result;
}

function sleepFor(report: PollReport, now: number, o: LoopOptions): number {
  const min = o.minSleepMs ?? 250;
  const max = o.maxSleepMs ?? 60_000;
  const untilDue = (report.nextDueAt ?? now + max) - now;
  const afterError =
    report.errors.length > 0
      ? Math.max(o.errorSleepMs ?? 5_000, ...report.errors.map((e) => e.retryAfterMs ?? 0))
      : 0;
  return Math.min(max, Math.max(min, untilDue, afterError));
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
