import type { CoreContext } from '../../electron/core/context';
import { createDispatcher } from '../../electron/core/ipc/dispatch';
import { createHandlers } from '../../electron/core/ipc/handlers';
import type { Channel, ReplyOf, RequestOf } from '../../shared/ipc/contract';
import { STAGE_CHUNK_BYTES } from '../../shared/ipc/schemas/files';

/** Calls a channel as the renderer does; a refused call throws with the core's message. */
export type IpcCall = <C extends Channel>(channel: C, request: RequestOf<C>) => Promise<ReplyOf<C>>;

/** The core's real handler map behind one `call`, the way window.outpost reaches it. */
export function ipcCaller(core: CoreContext): IpcCall {
  const dispatch = createDispatcher(createHandlers(core));
  return async (channel, request) => {
    const r = await dispatch(channel, request);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as never;
  };
}

/** Stages bytes in chunks the way renderer/src/lib/stage-file.ts does; returns the file's token. */
export async function stageBytes(call: IpcCall, name: string, bytes: Buffer): Promise<string> {
  let token: string | undefined;
  let offset = 0;
  for (;;) {
    const r = await call('files.stage', {
      ...(token ? { token } : {}),
      name,
      size: bytes.length,
      offset,
      data: bytes.subarray(offset, offset + STAGE_CHUNK_BYTES).toString('base64'),
    });
    token = r.token;
    offset = r.received;
    if (r.complete) return r.token;
  }
}
