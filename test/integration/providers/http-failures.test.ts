import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../electron/core/providers/errors';
import {
  HttpClient,
  type HttpClientOptions,
  type HttpRequest,
} from '../../../electron/core/providers/http';

const SECRET = 's3cr3t-T0ken-value';
const LIMIT = 64 * 1024;

type Route = (req: IncomingMessage, res: ServerResponse) => void;

const routes: Record<string, Route> = {
  '/ok': (_req, res) => json(res, 200, { ok: true }),
  '/whoami': (req, res) => json(res, 200, { remote: req.socket.remoteAddress }),
  '/reset': (req) => req.socket.destroy(),
  '/never': () => {
    // Holds the request open: only the client's headers timeout ends it.
  },
  '/slow-body': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"partial":');
    // Never finishes: the client's body timeout ends it.
  },
  '/big-chunked': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(16 * 1024, 'a');
    for (let i = 0; i < 16; i++) res.write(chunk);
    res.end();
  },
  '/big-declared': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(LIMIT * 4) });
    res.write('{');
  },
  '/html502': (_req, res) => {
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end(
      '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
    );
  },
  '/html200': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html><head><title>Captive portal login</title></head></html>');
  },
  '/redirect': (_req, res) => {
    res.writeHead(302, { location: 'http://elsewhere.example/api/rest/sms' });
    res.end();
  },
  '/redirect-secret': (req, res) => {
    res.writeHead(301, { location: `http://elsewhere.example/?k=${req.headers['x-api-key']}` });
    res.end();
  },
  '/echo-auth': (req, res) => {
    res.writeHead(401, { 'content-type': 'text/html' });
    res.end(
      `<title>Denied for ${req.headers['x-api-key']}</title> key=${req.headers['x-api-key']}`,
    );
  },
  '/429-seconds': (_req, res) => {
    res.writeHead(429, { 'retry-after': '2' });
    res.end();
  },
  '/429-date': (_req, res) => {
    res.writeHead(429, { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() });
    res.end();
  },
  '/404-empty': (_req, res) => {
    res.writeHead(404);
    res.end();
  },
};

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

let server: Server;
let base: string;
const sockets = new Set<Socket>();
const clients: HttpClient[] = [];

function client(over: Partial<HttpClientOptions> = {}): HttpClient {
  const c = new HttpClient({
    baseUrl: base,
    providerName: 'Test provider',
    headers: { 'x-api-key': SECRET },
    secrets: [SECRET],
    connectTimeoutMs: 2_000,
    headersTimeoutMs: 300,
    bodyTimeoutMs: 300,
    totalTimeoutMs: 5_000,
    maxResponseBytes: LIMIT,
    ...over,
  });
  clients.push(c);
  return c;
}

async function failure(c: HttpClient, req: HttpRequest): Promise<ProviderError> {
  try {
    await c.send(req);
  } catch (e) {
    if (e instanceof ProviderError) return e;
    throw e;
  }
  throw new Error(`expected ${req.method} ${req.path} to fail`);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    // Drain the request body before answering, like a real server.
    req.resume();
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0]?.replace(/^\/prefix/, '') ?? '';
      const route = routes[path];
      if (route) route(req, res);
      else json(res, 404, { error: 'no route' });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/prefix`;
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('HttpClient over real HTTP', () => {
  it('appends paths to the base URL path and returns the answer', async () => {
    const res = await client().send({ method: 'GET', path: '/ok' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ ok: true });
  });

  it('returns 4xx answers for the adapter to read instead of throwing', async () => {
    const res = await client().send({ method: 'GET', path: '/404-empty' });
    expect(res.status).toBe(404);
  });

  it('sends from the chosen local address', async () => {
    const res = await client({ localAddress: '127.0.0.2' }).send({
      method: 'GET',
      path: '/whoami',
    });
    expect(JSON.parse(res.text).remote).toBe('127.0.0.2');
  });

  it('calls a refused connection transient, even for a send', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const e = await failure(client({ baseUrl: `http://127.0.0.1:${port}` }), {
      method: 'POST',
      path: '/ok',
      json: {},
    });
    expect(e.kind).toBe('transient');
    expect(e.code).toBe('network');
    expect(e.message).toContain('refused');
  });

  it('calls a reset after a send was written an unknown outcome', async () => {
    const e = await failure(client(), { method: 'POST', path: '/reset', json: { to: ['1'] } });
    expect(e.kind).toBe('unknown-outcome');
  });

  it('calls a reset on a read transient', async () => {
    const e = await failure(client(), { method: 'GET', path: '/reset' });
    expect(e.kind).toBe('transient');
  });

  it('calls a missing answer after a written send an unknown outcome (headers timeout)', async () => {
    const e = await failure(client(), { method: 'POST', path: '/never', json: {} });
    expect(e.kind).toBe('unknown-outcome');
  });

  it('calls a missing answer to a read transient (headers timeout)', async () => {
    const e = await failure(client(), { method: 'GET', path: '/never' });
    expect(e.kind).toBe('transient');
    expect(e.code).toBe('timeout');
  });

  it('gives up on a body that stops part-way', async () => {
    expect((await failure(client(), { method: 'GET', path: '/slow-body' })).kind).toBe('transient');
    expect((await failure(client(), { method: 'POST', path: '/slow-body', json: {} })).kind).toBe(
      'unknown-outcome',
    );
  });

  it('ends a call that trickles past the total time limit', async () => {
    const c = client({ headersTimeoutMs: 10_000, bodyTimeoutMs: 10_000, totalTimeoutMs: 200 });
    const e = await failure(c, { method: 'GET', path: '/slow-body' });
    expect(e.kind).toBe('transient');
    expect(e.message).toMatch(/did not answer within/);
  });

  it('stops reading an oversized body, with a sentence naming the limit', async () => {
    const e = await failure(client(), { method: 'GET', path: '/big-chunked' });
    expect(e.kind).toBe('transient');
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('64 KiB');
  });

  it('refuses an oversized body from its declared length', async () => {
    const e = await failure(client(), { method: 'GET', path: '/big-declared' });
    expect(e.code).toBe('too-large');
  });

  it('calls an oversized success answer to a send an unknown outcome', async () => {
    const e = await failure(client(), { method: 'POST', path: '/big-chunked', json: {} });
    expect(e.kind).toBe('unknown-outcome');
  });

  it('does not follow a redirect to another host, and names the location', async () => {
    const e = await failure(client(), { method: 'POST', path: '/redirect', json: {} });
    expect(e.code).toBe('redirect');
    expect(e.httpStatus).toBe(302);
    expect(e.message).toContain('http://elsewhere.example/api/rest/sms');
  });

  it('honours a per-call abort signal', async () => {
    const ac = new AbortController();
    const pending = failure(client({ headersTimeoutMs: 10_000 }), {
      method: 'GET',
      path: '/never',
      signal: ac.signal,
    });
    setTimeout(() => ac.abort(), 50);
    const e = await pending;
    expect(e.kind).toBe('transient');
    expect(e.message).toMatch(/cancelled/);
  });

  it('fails at once for an already-aborted signal', async () => {
    const e = await failure(client(), { method: 'GET', path: '/ok', signal: AbortSignal.abort() });
    expect(e.message).toMatch(/cancelled/);
  });
});

describe('secrets never appear in errors', () => {
  it.each([
    ['/redirect-secret', 'GET'],
    ['/redirect-secret', 'POST'],
    ['/reset', 'POST'],
    ['/never', 'GET'],
    ['/big-chunked', 'POST'],
  ] as const)('%s (%s)', async (path, method) => {
    const e = await failure(client(), { method, path, json: method === 'POST' ? {} : undefined });
    expect(e.message).not.toContain(SECRET);
    expect(JSON.stringify(e)).not.toContain(SECRET);
  });

  it('redacts a secret echoed in an error page', async () => {
    const c = client();
    const res = await c.send({ method: 'GET', path: '/echo-auth' });
    const { statusError } = await import('../../../electron/core/providers/response');
    const e = c.redactError(statusError(res, { name: 'Test provider' }));
    expect(e.kind).toBe('account');
    expect(e.message).toContain('***');
    expect(e.message).not.toContain(SECRET);
  });
});

describe('answers that are not the JSON expected', () => {
  it('names the page title of an HTML 502 and retries later', async () => {
    const c = client();
    const res = await c.send({ method: 'POST', path: '/html502', json: {} });
    const { statusError } = await import('../../../electron/core/providers/response');
    const e = statusError(res, { name: 'Test provider' });
    expect(e.kind).toBe('transient');
    expect(e.message).toContain('"502 Bad Gateway"');
  });

  it('treats an HTML page with status 200 (captive portal) as unreadable, quoting its title', async () => {
    const { z } = await import('zod');
    const c = client();
    const read = await c.send({ method: 'GET', path: '/html200' });
    expect(() => c.parse(read, z.object({ ok: z.boolean() }))).toThrow(
      expect.objectContaining({
        kind: 'transient',
        message: expect.stringContaining('Captive portal login'),
      }),
    );
    const send = await c.send({ method: 'POST', path: '/html200', json: {} });
    expect(() => c.parse(send, z.object({ ok: z.boolean() }))).toThrow(
      expect.objectContaining({ kind: 'unknown-outcome' }),
    );
  });

  it('reads 429 Retry-After in seconds and as an HTTP date', async () => {
    const { statusError } = await import('../../../electron/core/providers/response');
    const c = client();
    const s = statusError(await c.send({ method: 'POST', path: '/429-seconds', json: {} }), {
      name: 'P',
    });
    expect(s).toMatchObject({ kind: 'transient', retryAfterMs: 2000 });
    const d = statusError(await c.send({ method: 'POST', path: '/429-date', json: {} }), {
      name: 'P',
    });
    expect(d.kind).toBe('transient');
    expect(d.retryAfterMs).toBeGreaterThan(3_500_000);
  });
});
