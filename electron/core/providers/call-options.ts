import type { CallOptions } from './types';

/** Spreads a signal into a request only when there is one (exactOptionalPropertyTypes-safe). */
export function withSignal(opts: CallOptions | undefined): { signal?: AbortSignal } {
  return opts?.signal ? { signal: opts.signal } : {};
}
