import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { checkedEvent } from '../../shared/ipc/events';
import type { EventBus } from '../core/events/bus';
import type { Dispatch } from '../core/ipc/dispatch';
import { CallCounter } from './call-counter';
import { hasToken, hostAllowed, type Lock, newToken, refuseUpgrade } from './lock';
import { staticFiles } from './static-files';

export const SOCKET_PATH = '/__bridge/ws';
/** Test-only: how many IPC calls the page made (behind the token). */
export const CALLS_PATH = '/__bridge/calls';
/**
 * Test-only: the embedded simulator's faults (`?faults=reset-before=1` makes
 * it unreachable as a dropped network would; empty clears them), behind the
 * token, so the e2e suite can take the provider away and give it back.
 */
export const FAULTS_PATH = '/__bridge/sandbox-faults';
/** Test-only hooks (`POST /__bridge/test/<name>?token=…`, JSON body), only when the shell was given some. */
export const TEST_HOOKS_PATH = '/__bridge/test/';

export type TestHook = (body: unknown) => Promise<unknown>;
const LOOPBACK = '127.0.0.1';

export interface WebServerOptions {
  dispatch: Dispatch;
  bus: EventBus;
  rendererDir: string;
  bridgeScript: string;
  /** 0 picks a free port. */
  port: number;
  token?: string;
  /** The embedded simulator's fault switch, when it runs. */
  setSandboxFaults?: (spec: string) => void;
  /** For the e2e suite only (the sandbox injecting inbound messages); none in normal use. */
  testHooks?: Record<string, TestHook>;
}

export interface WebServer {
  /** What to open: the page with its token. */
  url: string;
  origin: string;
  token: string;
  calls: CallCounter;
  close(): Promise<void>;
}

interface CallMessage {
  id: number;
  channel: string;
  request: unknown;
}

function isCall(value: unknown): value is CallMessage {
  const v = value as Partial<CallMessage> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.id === 'number' && typeof v.channel === 'string'
  );
}

/** One page connection: its calls answered by the real handler table, the core's events pushed. */
function connect(socket: WebSocket, options: WebServerOptions, calls: CallCounter): void {
  const unsubscribe = options.bus.subscribe((name, payload) => {
    // Checked here as main checks what it sends a window: the page's bridge hands payloads on unchecked.
    const event = checkedEvent(name, payload);
    if (event) socket.send(JSON.stringify({ event }));
  });
  socket.on('close', unsubscribe);
  // A broken connection must not become an uncaught 'error' that stops the server.
  socket.on('error', () => socket.terminate());
  socket.on('message', async (data) => {
    let message: unknown;
    try {
      message = JSON.parse(String(data));
    } catch {
      message = null;
    }
    if (!isCall(message)) {
      socket.close(1003, 'Not an Outpost call.');
      return;
    }
    calls.count(message.channel);
    const result = await options.dispatch(message.channel, message.request);
    socket.send(JSON.stringify({ id: message.id, result }));
  });
}

function answerFaults(
  lock: Lock,
  req: IncomingMessage,
  res: ServerResponse,
  setFaults: ((spec: string) => void) | undefined,
): void {
  const status = !hasToken(lock, req) ? 403 : req.method !== 'POST' ? 405 : setFaults ? 200 : 404;
  if (status === 200 && setFaults) {
    try {
      setFaults(new URL(req.url ?? '/', lock.origin).searchParams.get('faults') ?? '');
    } catch (error) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
      return;
    }
  }
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ ok: status === 200 }));
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function runTestHook(
  hooks: Record<string, TestHook>,
  name: string,
  lock: Lock,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const reply = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const hook = Object.hasOwn(hooks, name) ? hooks[name] : undefined;
  if (!hasToken(lock, req)) return reply(403, { error: 'missing or wrong token' });
  if (req.method !== 'POST' || !hook) return reply(404, { error: `no test hook "${name}"` });
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const text = Buffer.concat(chunks).toString('utf8');
    reply(200, (await hook(text === '' ? {} : JSON.parse(text))) ?? {});
  } catch (error) {
    reply(500, { error: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * `npm run web`'s server: the built renderer on 127.0.0.1, answered by the
 * real core over a locked WebSocket (see lock.ts).
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const calls = new CallCounter();
  const files = staticFiles(options.rendererDir, options.bridgeScript);
  const lock: Lock = { token: options.token ?? newToken(), origin: '' };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(lock, req)) {
      res.writeHead(421, { 'content-type': 'text/plain' });
      res.end('This server answers only for its own address.');
      return;
    }
    const path = new URL(req.url ?? '/', lock.origin).pathname;
    if (path === CALLS_PATH) {
      const allowed = hasToken(lock, req);
      res.writeHead(allowed ? 200 : 403, { 'content-type': 'application/json' });
      res.end(JSON.stringify(allowed ? calls.snapshot() : { error: 'missing or wrong token' }));
      return;
    }
    if (path === FAULTS_PATH) {
      answerFaults(lock, req, res, options.setSandboxFaults);
      return;
    }
    if (path.startsWith(TEST_HOOKS_PATH) && options.testHooks) {
      void runTestHook(options.testHooks, path.slice(TEST_HOOKS_PATH.length), lock, req, res);
      return;
    }
    files(req, res, path);
  });
  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const refused = path === SOCKET_PATH ? refuseUpgrade(lock, req) : 'unknown path';
    if (refused) {
      socket.end(`HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\n\r\nRefused: ${refused}.`);
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => connect(ws, options, calls));
  });
  const port = await listen(server, options.port);
  lock.origin = `http://${LOOPBACK}:${port}`;
  return {
    url: `${lock.origin}/?token=${lock.token}`,
    origin: lock.origin,
    token: lock.token,
    calls,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
