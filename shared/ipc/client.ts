import type { Channel, ReplyOf, RequestOf } from './contract';
import { channels } from './contract';
import { type IpcResult, OutpostCallError } from './errors';

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
};

/** The one transport primitive each environment supplies (ipcRenderer.invoke, a WebSocket…). */
export type Invoke = (channel: Channel, request: unknown) => Promise<IpcResult<unknown>>;

/**
 * Builds `window.outpost` from the contract's channel list, so no channel needs
 * hand-written glue in the preload or in the test bridge.
 */
export function buildOutpostApi(invoke: Invoke): OutpostApi {
  const api: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {};
  for (const channel of channels) {
    const [namespace, method] = channel.split('.') as [string, string];
    api[namespace] ??= {};
    api[namespace][method] = async (request: unknown = {}) => {
      const result = await invoke(channel, request);
      if (!result.ok) throw new OutpostCallError(channel, result.error);
      return result.value;
    };
  }
  return api as unknown as OutpostApi;
}
