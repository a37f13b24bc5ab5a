import { buildOutpostApi } from '../../../../shared/ipc/client';
import type { IpcResult } from '../../../../shared/ipc/errors';
import { isEventMessage } from '../../../../shared/ipc/events';

/**
 * The test bridge's page side: the same generated `window.outpost` the preload
 * builds, but each call travels over a WebSocket to the Node bridge server,
 * which runs the app's real handler table and core.
 */
type Pending = (result: IpcResult<unknown>) => void;

const socket = new WebSocket(`ws://${location.host}/__bridge/ws`);
const pending = new Map<number, Pending>();
let nextId = 1;

const opened = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve(), { once: true });
  socket.addEventListener('error', () => reject(new Error('The test bridge is not reachable.')), {
    once: true,
  });
});

/** Server messages are replies `{ id, result }` or pushed events `{ event: { name, payload } }`. */
type ServerMessage = { id: number; result: IpcResult<unknown> } | { event: unknown };
let deliverEvent: (name: string, payload: unknown) => void = () => {};

socket.addEventListener('message', (message) => {
  const data = JSON.parse(String(message.data)) as ServerMessage;
  if ('event' in data) {
    if (isEventMessage(data.event)) deliverEvent(data.event.name, data.event.payload);
    return;
  }
  pending.get(data.id)?.(data.result);
  pending.delete(data.id);
});

socket.addEventListener('close', () => {
  for (const settle of pending.values()) {
    settle({ ok: false, error: { code: 'failed', message: 'The test bridge closed.' } });
  }
  pending.clear();
});

window.outpost = buildOutpostApi(
  async (channel, request) => {
    await opened;
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, channel, request }));
    });
  },
  (deliver) => {
    deliverEvent = deliver;
  },
);
