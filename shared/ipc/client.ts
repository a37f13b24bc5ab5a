// Names only at run time: the schemas (zod) stay in main, which validates both ways.
import { CHANNEL_NAMES } from './channel-names';
import type { Channel, ReplyOf, RequestOf } from './contract';
import { type IpcResult, OutpostCallError } from './errors';
import { type EventName, isEventName } from './event-names';
import type { Subscribe } from './events';

/** Channel 'app.info' becomes `outpost.app.info(request)`. */
type Namespace<C extends string> = C extends `${infer N}.${string}` ? N : never;
type Method<C extends string, N extends string> = C extends `${N}.${infer M}` ? M : never;

type Call<C extends Channel> =
  Record<string, never> extends RequestOf<C>
    ? (request?: RequestOf<C>) => Promise<ReplyOf<C>>
    : (request: RequestOf<C>) => Promise<ReplyOf<C>>;

export type OutpostApi = {
  [N in Namespace<Channel>]: {
    [C in Channel as Method<C, N>]: Call<C>;
  };
} & {
  /** `outpost.on('outbox.changed', (p) => …)` returns the unsubscribe. */
  on: Subscribe;
};

/** The one transport primitive each environment supplies (ipcRenderer.invoke, a WebSocket…). */
export type Invoke = (channel: Channel, request: unknown) => Promise<IpcResult<unknown>>;

/**
 * The transport's event primitive (one `ipcRenderer.on`, a WebSocket's
 * messages): called once with the function every event from the main process
 * goes to. Fan-out to listeners happens here, the same for every transport.
 */
export type EventSource = (deliver: (name: string, payload: unknown) => void) => void;

/**
 * Listeners by event name, each a Set removed when it empties, so repeated
 * subscribe/unsubscribe cycles leave nothing behind. Payloads are handed on
 * as they came: main checked each against events.ts before sending it
 * (`checkedEvent`); a name the contract does not have is dropped.
 */
function createSubscribe(source: EventSource | undefined): Subscribe {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  source?.((name, payload) => {
    if (!isEventName(name)) return;
    const targets = listeners.get(name);
    if (!targets) return;
    for (const listener of [...targets]) {
      try {
        listener(payload);
      } catch (error) {
        // One failing listener must not starve the others; the error still surfaces.
        void Promise.reject(error);
      }
    }
  });
  return (name, listener) => {
    if (!isEventName(name)) throw new TypeError(`There is no event named ${String(name)}.`);
    // A wrapper per subscription: subscribing the same function twice needs two unsubscribes.
    const entry = (payload: unknown) => listener(payload as Parameters<typeof listener>[0]);
    let targets = listeners.get(name);
    if (!targets) {
      targets = new Set();
      listeners.set(name, targets);
    }
    targets.add(entry);
    return () => {
      const current = listeners.get(name);
      if (!current) return;
      current.delete(entry);
      if (current.size === 0) listeners.delete(name);
    };
  };
}

/**
 * Builds `window.outpost` from the contract's channel list, so no channel needs
 * hand-written glue in the preload or in the test bridge, and `on` from the
 * event list of events.ts over the transport's event source.
 */
export function buildOutpostApi(invoke: Invoke, source?: EventSource): OutpostApi {
  const api: Record<string, unknown> = { on: createSubscribe(source) };
  for (const channel of CHANNEL_NAMES) {
    const [namespace, method] = channel.split('.') as [string, string];
    api[namespace] ??= {};
    const group = api[namespace] as Record<string, (request?: unknown) => Promise<unknown>>;
    group[method] = async (request: unknown = {}) => {
      const result = await invoke(channel, request);
      if (!result.ok) throw new OutpostCallError(channel, result.error);
      return result.value;
    };
  }
  return api as unknown as OutpostApi;
}
