/**
 * When a transient failure is retried. Exponential backoff with full jitter
 * (a random wait between 0 and min(cap, base·2^(attempt-1))) spreads retries
 * of many recipients so they do not hit the provider in waves; Retry-After,
 * when the provider gives one, is the least we wait.
 */
export interface RetryPolicy {
  baseMs: number;
  capMs: number;
  /** Counted from the message's creation and stored with it, so restarts never extend it. */
  giveUpAfterMs: number;
  /** A Retry-After shorter than this is raised to it; longer than retryAfterMaxMs is capped. */
  retryAfterMinMs: number;
  retryAfterMaxMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseMs: 2_000,
  capMs: 5 * 60_000,
  giveUpAfterMs: 24 * 60 * 60_000,
  retryAfterMinMs: 1_000,
  retryAfterMaxMs: 60 * 60_000,
};

export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  random: () => number,
): number {
  const jitter = backoffMs(attempt, policy, random);
  if (retryAfterMs === undefined) return jitter;
  const floor = Math.min(policy.retryAfterMaxMs, Math.max(policy.retryAfterMinMs, retryAfterMs));
  return Math.max(floor, Math.min(jitter, policy.retryAfterMaxMs));
}
