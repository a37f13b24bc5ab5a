import { buildOutpostApi } from '../../../shared/ipc/client';
import type { IpcResult } from '../../../shared/ipc/errors';
import { isEventMessage } from '../../../shared/ipc/event-names';

/**
 * The page side of `npm run web`, injected in place of the preload: the same
 * generated `window.outpost`, but each call travels over a WebSocket to the
 * web server, which runs the app's real handler table and core, and the
 * core's events come back over it. The socket must present the token of the
 * URL the page was opened with; it is kept for the tab's reloads.
 */
type Pending = (result: IpcResult<unknown>) => void;
type ServerMessage = { id: number; result: IpcResult<unknown> } | { event: unknown };

const TOKEN_KEY = 'outpost.web.token';

function pageToken(): string {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // The token is a key: keep it out of the address bar, history and screenshots.
    history.replaceState(history.state, '', location.pathname + location.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const socket = new WebSocket(
  `ws://${location.host}/__bridge/ws?token=${encodeURIComponent(pageToken())}`,
);
const pending = new Map<number, Pending>();
let nextId = 1;
let deliverEvent: (name: string, payload: unknown) => void = () => {};

const opened = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve(), { once: true });
  socket.addEventListener(
    'error',
    () => reject(new Error('Outpost is not reachable (open the address `npm run web` printed).')),
    { once: true },
  );
});

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
    settle({ ok: false, error: { code: 'failed', message: 'The connection to Outpost closed.' } });
  }
  pending.clear();
});

window.outpost = buildOutpostApi(
  async (channel, request) => {
    // An open socket sends at once, as the preload's invoke does: awaiting `opened` anyway would
    // hold the start view's calls (made while the start modules run) until that whole task ends.
    if (socket.readyState !== WebSocket.OPEN) await opened;
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
