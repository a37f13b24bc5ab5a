import type { Rng } from './prng';

/**
 * What can go wrong on the wire. Shares are probabilities in [0, 1] drawn per request.
 * Faults apply to every API and every request of the sandbox.
 */
export interface FaultSpec {
  /** Added before the request is processed; a pair is a uniform range. */
  latencyMs?: number | [number, number];
  /** Answer 5xx without processing (nrs: 500 with code 101, as the seed's table). */
  error5xx?: number;
  /** Answer 429 with `Retry-After: retryAfterSeconds` without processing. */
  rateLimit?: { share: number; retryAfterSeconds: number };
  /** Destroy the socket before the request is processed: nothing is recorded. */
  resetBefore?: number;
  /** Process and record the request, then destroy the socket without answering. */
  resetAfter?: number;
  /** Send the first half of the answer, wait `delayMs`, then the rest. */
  slowBody?: { share: number; delayMs: number };
  /** Process and record the request, then answer with a truncated JSON body. */
  badJson?: number;
}

export type PreFault = 'none' | '5xx' | '429' | 'reset-before';
export type PostFault = 'none' | 'reset-after' | 'slow-body' | 'bad-json';

export interface FaultPlan {
  latencyMs: number;
  pre: PreFault;
  post: PostFault;
  retryAfterSeconds: number;
  slowBodyMs: number;
}

export const NO_FAULTS: FaultPlan = {
  latencyMs: 0,
  pre: 'none',
  post: 'none',
  retryAfterSeconds: 0,
  slowBodyMs: 0,
};

const DEFAULT_RETRY_AFTER_S = 1;
const DEFAULT_SLOW_BODY_MS = 2000;

/**
 * Parses the CLI form, e.g.
 * `latency=50,5xx=0.1,429=0.05:2,reset-before=0.05,reset-after=0.05,slow-body=0.02:3000,bad-json=0.01`
 * (`latency=20-200` is a range; `429=share:retryAfterSeconds`; `slow-body=share:delayMs`).
 */
export function parseFaultSpec(text: string): FaultSpec {
  const spec: FaultSpec = {};
  for (const item of text.split(',').map((s) => s.trim())) {
    if (item === '') continue;
    const [key, value = ''] = item.split('=', 2) as [string, string?];
    const [first = '', second] = value.split(':', 2);
    switch (key) {
      case 'latency': {
        const [lo, hi] = first.split('-').map((n) => nonNegative(n, item));
        spec.latencyMs = hi === undefined ? (lo ?? 0) : [lo ?? 0, hi];
        break;
      }
      case '5xx':
        spec.error5xx = share(first, item);
        break;
      case '429':
        spec.rateLimit = {
          share: share(first, item),
          retryAfterSeconds:
            second === undefined ? DEFAULT_RETRY_AFTER_S : nonNegative(second, item),
        };
        break;
      case 'reset-before':
        spec.resetBefore = share(first, item);
        break;
      case 'reset-after':
        spec.resetAfter = share(first, item);
        break;
      case 'slow-body':
        spec.slowBody = {
          share: share(first, item),
          delayMs: second === undefined ? DEFAULT_SLOW_BODY_MS : nonNegative(second, item),
        };
        break;
      case 'bad-json':
        spec.badJson = share(first, item);
        break;
      default:
        throw new Error(
          `Unknown fault "${key}" in "${item}": use latency, 5xx, 429, reset-before, reset-after, slow-body or bad-json.`,
        );
    }
  }
  return spec;
}

function share(text: string, item: string): number {
  const n = Number(text);
  if (text === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new Error(`Fault "${item}" needs a share between 0 and 1.`);
  }
  return n;
}

function nonNegative(text: string, item: string): number {
  const n = Number(text);
  if (text === '' || !Number.isFinite(n) || n < 0) {
    throw new Error(`Fault "${item}" needs a number of 0 or more.`);
  }
  return n;
}

export function normaliseFaults(f: FaultSpec | string | null | undefined): FaultSpec | null {
  if (f === null || f === undefined) return null;
  return typeof f === 'string' ? parseFaultSpec(f) : f;
}

/**
 * Draws the faults of one request. Every kind takes its draw every time, in a fixed
 * order, so the sequence of outcomes depends only on the seed and the request order.
 */
export function drawFaults(spec: FaultSpec | null, rng: Rng): FaultPlan {
  if (spec === null) return NO_FAULTS;
  const latency = spec.latencyMs ?? 0;
  const latencyMs = Array.isArray(latency)
    ? Math.round(latency[0] + rng.next() * (latency[1] - latency[0]))
    : latency;
  const hit = (p: number | undefined) => rng.next() < (p ?? 0);
  const resetBefore = hit(spec.resetBefore);
  const error5xx = hit(spec.error5xx);
  const rateLimited = hit(spec.rateLimit?.share);
  const resetAfter = hit(spec.resetAfter);
  const badJson = hit(spec.badJson);
  const slowBody = hit(spec.slowBody?.share);
  const pre: PreFault = resetBefore
    ? 'reset-before'
    : error5xx
      ? '5xx'
      : rateLimited
        ? '429'
        : 'none';
  const post: PostFault = resetAfter
    ? 'reset-after'
    : badJson
      ? 'bad-json'
      : slowBody
        ? 'slow-body'
        : 'none';
  return {
    latencyMs,
    pre,
    post,
    retryAfterSeconds: spec.rateLimit?.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_S,
    slowBodyMs: spec.slowBody?.delayMs ?? DEFAULT_SLOW_BODY_MS,
  };
}
