import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { EventBus } from '../../../electron/core/events/bus';
import type { Dispatch } from '../../../electron/core/ipc/dispatch';
import {
  CALLS_PATH,
  FAULTS_PATH,
  SOCKET_PATH,
  startWebServer,
  type WebServer,
} from '../../../electron/web/server';

const rendererDir = mkdtempSync(join(tmpdir(), 'outpost-web-test-'));
writeFileSync(
  join(rendererDir, 'index.html'),
  '<html><head><script type="module" src="/a.js"></script></head><body><div id="root"></div></body></html>',
);
mkdirSync(join(rendererDir, 'assets'));
writeFileSync(join(rendererDir, 'assets', 'index-Ab_c-123.js'), 'export {};');
writeFileSync(join(rendererDir, 'assets', 'notes.js'), 'export {};');
const bus = new EventBus({ validate: true });
const dispatched: string[] = [];
const dispatch: Dispatch = async (channel) => {
  dispatched.push(channel);
  return { ok: true, value: { channel } };
};
let server: WebServer;
const faults: string[] = [];

beforeAll(async () => {
  server = await startWebServer({
    dispatch,
    bus,
    rendererDir,
    bridgeScript: '/* bridge */',
    port: 0,
    setSandboxFaults: (spec) => faults.push(spec),
  });
});
afterAll(async () => {
  await server.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

/** Opens a socket as a browser would; resolves with it open, or rejects with the HTTP status. */
function open(options: { token?: string | null; origin?: string | null; host?: string } = {}) {
  const token = options.token === undefined ? server.token : options.token;
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  const origin = options.origin === undefined ? server.origin : options.origin;
  const socket = new WebSocket(
    `ws://127.0.0.1:${new URL(server.origin).port}${SOCKET_PATH}${query}`,
    {
      ...(origin === null ? {} : { origin }),
      ...(options.host ? { headers: { host: options.host } } : {}),
    },
  );
  return new Promise<WebSocket>((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

function call(socket: WebSocket, id: number, channel: string): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as { id?: number };
      if (message.id !== id) return;
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ id, channel, request: {} }));
  });
}

describe('npm run web: the locked bridge', () => {
  it('listens on 127.0.0.1 only and prints the page address with its token', async () => {
    const url = new URL(server.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.searchParams.get('token')).toBe(server.token);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
    // Another loopback address of this machine reaches nothing.
    const refused = await new Promise<string>((resolve) => {
      const s = connect({ host: '127.0.0.2', port: Number(url.port) });
      s.once('connect', () => {
        s.destroy();
        resolve('connected');
      });
      s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });

  it('refuses a WebSocket without the token, with a wrong one, or from another origin', async () => {
    await expect(open({ token: null })).rejects.toThrow('HTTP 403');
    await expect(open({ token: `${server.token.slice(0, -1)}x` })).rejects.toThrow('HTTP 403');
    await expect(open({ token: '' })).rejects.toThrow('HTTP 403');
    await expect(open({ origin: 'https://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(open({ origin: server.origin.replace('127.0.0.1', 'localhost') })).rejects.toThrow(
      'HTTP 403',
    );
    await expect(open({ origin: null })).rejects.toThrow('HTTP 403');
    // DNS rebinding: the right token and origin, but a foreign Host.
    await expect(open({ host: `evil.example:${new URL(server.origin).port}` })).rejects.toThrow(
      'HTTP 403',
    );
    expect(dispatched).toEqual([]);
  });

  it('answers the page with the token, pushes core events, and counts its calls', async () => {
    const before = server.calls.snapshot().total;
    const socket = await open();
    expect(await call(socket, 1, 'app.info')).toEqual({
      id: 1,
      result: { ok: true, value: { channel: 'app.info' } },
    });
    await call(socket, 2, 'db.health');
    await call(socket, 3, 'db.health');
    const snapshot = server.calls.snapshot();
    expect(snapshot.total - before).toBe(3);
    expect(snapshot.byChannel).toMatchObject({ 'app.info': 1, 'db.health': 2 });

    const event = new Promise((resolve) =>
      socket.once('message', (d) => resolve(JSON.parse(String(d)))),
    );
    bus.emit('account.resumed', { accountId: 4 });
    expect(await event).toEqual({ event: { name: 'account.resumed', payload: { accountId: 4 } } });

    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.close();
    await closed;
    await new Promise((r) => setTimeout(r, 50));
    expect(bus.listenerCount, 'a closed page leaves no listener behind').toBe(0);
  });

  it('pushes no event whose payload the contract does not describe (the page does not check)', async () => {
    const unchecked = new EventBus({ validate: false });
    const other = await startWebServer({
      dispatch,
      bus: unchecked,
      rendererDir,
      bridgeScript: '',
      port: 0,
    });
    try {
      const socket = new WebSocket(
        `ws://127.0.0.1:${new URL(other.origin).port}${SOCKET_PATH}?token=${other.token}`,
        { origin: other.origin },
      );
      await new Promise((resolve) => socket.once('open', resolve));
      const received: unknown[] = [];
      socket.on('message', (d) => received.push(JSON.parse(String(d))));
      const last = new Promise((resolve) => socket.once('message', resolve));
      // @ts-expect-error a payload of the wrong shape, as a broken emit site would send
      unchecked.emit('account.resumed', { accountId: 'four' });
      unchecked.emit('account.resumed', { accountId: 4, extra: true } as { accountId: number });
      await last;
      expect(received).toEqual([{ event: { name: 'account.resumed', payload: { accountId: 4 } } }]);
      socket.close();
    } finally {
      await other.close();
    }
  });

  it('counts names outside the contract under one key, so the counter cannot grow', async () => {
    const socket = await open();
    for (let i = 0; i < 20; i++) await call(socket, 100 + i, `made.up${i}`);
    expect(server.calls.snapshot().byChannel['(unknown)']).toBe(20);
    expect(Object.keys(server.calls.snapshot().byChannel).length).toBeLessThanOrEqual(3);
    socket.close();
  });

  it("switches the simulator's faults only when POSTed with the token", async () => {
    const at = (q: string) => `${server.origin}${FAULTS_PATH}?${q}`;
    expect((await fetch(at('faults=reset-before%3D1'), { method: 'POST' })).status).toBe(403);
    expect((await fetch(at(`token=${server.token}&faults=x`))).status).toBe(405);
    expect(faults).toEqual([]);
    const on = await fetch(at(`token=${server.token}&faults=reset-before%3D1`), { method: 'POST' });
    expect(on.status).toBe(200);
    const off = await fetch(at(`token=${server.token}`), { method: 'POST' });
    expect(off.status).toBe(200);
    expect(faults).toEqual(['reset-before=1', '']);
  });

  it('shows the call count only with the token', async () => {
    const without = await fetch(`${server.origin}${CALLS_PATH}`);
    expect(without.status).toBe(403);
    const wrong = await fetch(`${server.origin}${CALLS_PATH}?token=nope`);
    expect(wrong.status).toBe(403);
    const right = await fetch(`${server.origin}${CALLS_PATH}?token=${server.token}`);
    expect(right.status).toBe(200);
    expect(await right.json()).toEqual(server.calls.snapshot());
  });

  it('serves the page with the bridge script run before the app, and nothing outside the build', async () => {
    const page = await (await fetch(`${server.origin}/`)).text();
    // The app is a module script: it runs once the page is parsed, so after the body's classic bridge.
    expect(page).toContain('<script type="module" src="/a.js">');
    expect(page).toMatch(/<script src="\/__bridge\/bridge\.js"><\/script>\s*<\/body>/);
    expect((await fetch(`${server.origin}/__bridge/bridge.js`)).status).toBe(200);
    expect((await fetch(`${server.origin}/..%2f..%2fetc%2fpasswd`)).status).toBe(403);
    expect((await fetch(`${server.origin}/missing.js`)).status).toBe(404);
  });

  it('puts the bridge after the head, so the start chunks are fetched while it opens its socket', async () => {
    const page = await (await fetch(`${server.origin}/`)).text();
    expect(page.indexOf('/__bridge/bridge.js')).toBeGreaterThan(page.indexOf('</head>'));
  });

  it('lets a second start of the same profile keep the hashed assets, and asks again for the rest', async () => {
    const cache = async (path: string) =>
      (await fetch(`${server.origin}${path}`)).headers.get('cache-control');
    expect(await cache('/assets/index-Ab_c-123.js')).toBe('public, max-age=31536000, immutable');
    expect(await cache('/assets/index-Ab_c-123.js')).toBe('public, max-age=31536000, immutable');
    expect(await cache('/assets/notes.js')).toBe('no-cache');
    expect(await cache('/')).toBe('no-cache');
    expect(await cache('/__bridge/bridge.js')).toBe('no-cache');
    expect(await cache('/missing.js')).toBe('no-store');
  });

  it('answers plain requests only for its own Host (DNS rebinding)', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(
        `${server.origin}/`,
        { headers: { host: `evil.example:${new URL(server.origin).port}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      );
      req.once('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });
});
