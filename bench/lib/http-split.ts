// What the HTTP client itself spends, read from undici's diagnostics channels
// in the bench's process (the adapter's code is measured as it is, with no
// hook of its own): each request from undici taking it (after the adapter
// built and serialised it) to the last byte of its answer, and how many
// sockets were opened (keep-alive: one per concurrent slot at most).
import { type ChannelListener, subscribe, unsubscribe } from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';

export interface HttpSplit {
  requests: number;
  /** Summed over requests: undici's `request:create` to `request:trailers` (the whole exchange on the wire). */
  wireMs: number;
  /** Summed: `request:create` to `request:bodySent` (the request written). */
  writeMs: number;
  /** TCP connections opened. */
  connections: number;
  /**
   * Summed over requests written after an answer: the last byte of the
   * oldest answer not yet followed by a request, to this request's headers
   * written. A slot takes its answers in the order they arrive, so this is a
   * slot's turnaround (its work between two requests, which no overlap
   * hides), but for the last answers of a drain, which no request follows.
   */
  turnaroundMs: number;
  turnarounds: number;
  /** performance.now() of every request's headers written, in order (the drain's start is read from the first ones). */
  headersAt: number[];
  /** performance.now() of the last byte of the last answer (the drain's tail is measured from it). */
  lastAnswerAt: number;
}

/** Starts recording; the returned function stops and answers the totals. */
export function recordHttp(): () => HttpSplit {
  const created = new WeakMap<object, number>();
  const unanswered: number[] = [];
  const split: HttpSplit = {
    requests: 0,
    wireMs: 0,
    writeMs: 0,
    connections: 0,
    turnaroundMs: 0,
    turnarounds: 0,
    headersAt: [],
    lastAnswerAt: 0,
  };
  const listeners: [string, ChannelListener][] = [
    ['undici:request:create', (m) => created.set((m as { request: object }).request, now())],
    [
      'undici:request:bodySent',
      (m) => {
        const at = created.get((m as { request: object }).request);
        if (at !== undefined) split.writeMs += now() - at;
      },
    ],
    [
      'undici:client:sendHeaders',
      () => {
        split.headersAt.push(now());
        const answered = unanswered.shift();
        if (answered === undefined) return;
        split.turnarounds += 1;
        split.turnaroundMs += now() - answered;
      },
    ],
    [
      'undici:request:trailers',
      (m) => {
        split.lastAnswerAt = now();
        unanswered.push(split.lastAnswerAt);
        const at = created.get((m as { request: object }).request);
        if (at === undefined) return;
        split.requests += 1;
        split.wireMs += now() - at;
      },
    ],
    ['undici:client:connected', () => (split.connections += 1)],
  ];
  for (const [name, listener] of listeners) subscribe(name, listener);
  return () => {
    for (const [name, listener] of listeners) unsubscribe(name, listener);
    return split;
  };
}

function now(): number {
  return performance.now();
}
