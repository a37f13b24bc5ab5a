import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { normaliseIp } from './auth';
import { drawFaults, type FaultPlan, type FaultSpec } from './faults';
import type { ApiHandler, SandboxReply } from './http-types';
import type { Rng } from './prng';

export type ApiName = 'nrs' | 'action' | 'addressbook' | 'tags';
export const API_NAMES: readonly ApiName[] = ['nrs', 'action', 'addressbook', 'tags'];

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface ServerDeps {
  apis: Record<ApiName, ApiHandler>;
  faults: () => FaultSpec | null;
  faultRng: Rng;
  countRequest: (method: string, path: string) => void;
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/**
 * One node:http server for the four APIs, each under its own prefix (/nrs, /action,
 * /addressbook, /tags). Faults are drawn per request before anything else happens,
 * so their sequence depends only on the seed and the order requests arrive in.
 */
export async function listen(host: string, port: number, deps: ServerDeps): Promise<RunningServer> {
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });
  const server = createServer((req, res) => {
    handle(req, res, deps, sleep).catch(() => {
      if (!res.headersSent) write(res, { status: 500, body: { message: 'Sandbox failure' } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ServerDeps,
  sleep: (ms: number) => Promise<void>,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const method = req.method ?? 'GET';
  deps.countRequest(method, url.pathname);
  const plan = drawFaults(deps.faults(), deps.faultRng);
  // The answer leaves `latencyMs` after the request arrived. The body is read and
  // processed meanwhile, as a provider works on a request inside its round trip:
  // the simulator's own CPU (milliseconds for a batch of 500) must not add to the
  // latency it was asked for. A reset or a refusal processes nothing.
  const answerAt = performance.now() + plan.latencyMs;
  const latencyLeft = () => sleep(Math.max(0, answerAt - performance.now()));
  const body = readBody(req);
  body.catch(() => undefined);
  if (plan.pre === 'reset-before') {
    await latencyLeft();
    req.socket.destroy();
    return;
  }
  const [, apiName = '', ...rest] = url.pathname.split('/');
  const api = API_NAMES.includes(apiName as ApiName) ? (apiName as ApiName) : null;
  if (plan.pre !== 'none') {
    await latencyLeft();
    write(res, preFaultReply(plan, api));
    return;
  }
  const target = { method, api, path: `/${rest.join('/')}`, query: url.searchParams };
  const reply = processed(req, target, await body, deps);
  const serialised = serialise(reply);
  await latencyLeft();
  await writeWithFault(res, reply, serialised, plan, sleep);
}

/** What a request asks for: its method, API (null: none of the four) and path within it. */
interface Target {
  method: string;
  api: ApiName | null;
  path: string;
  query: URLSearchParams;
}

/** The answer to a request let through: handlers are synchronous, so once it exists the request is recorded. */
function processed(
  req: IncomingMessage,
  { method, api, path, query }: Target,
  rawBody: string | null,
  deps: ServerDeps,
): SandboxReply {
  if (rawBody === null) return { status: 413, body: { message: 'Body too large' } };
  if (api === null) {
    return {
      status: 404,
      body: { message: 'Unknown API: use /nrs, /action, /addressbook or /tags' },
    };
  }
  const host = req.headers.host ?? 'localhost';
  return deps.apis[api]({
    method,
    path,
    query,
    headers: req.headers,
    rawBody,
    remoteIp: normaliseIp(req.socket.remoteAddress),
    baseUrl: `http://${host}/${api}`,
  });
}

function preFaultReply(plan: FaultPlan, api: ApiName | null): SandboxReply {
  if (plan.pre === '429') {
    return {
      status: 429,
      headers: { 'Retry-After': String(plan.retryAfterSeconds) },
      body:
        api === 'nrs'
          ? { error: { code: 429, description: 'Too Many Requests' } }
          : { message: 'Too Many Requests' },
    };
  }
  // The seed's table answers 500 with code 101 for an internal error.
  return api === 'nrs'
    ? { status: 500, body: { error: { code: 101, description: 'Internal Database error' } } }
    : { status: 503, body: { message: 'Service Unavailable' } };
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

interface Serialised {
  payload: Buffer;
  type: string | null;
}

function serialise(reply: SandboxReply): Serialised {
  if (reply.body === undefined) return { payload: Buffer.alloc(0), type: null };
  if (typeof reply.body === 'string') {
    return {
      payload: Buffer.from(reply.body, 'utf8'),
      type: reply.contentType ?? 'text/plain; charset=utf-8',
    };
  }
  return {
    payload: Buffer.from(JSON.stringify(reply.body), 'utf8'),
    type: reply.contentType ?? 'application/json',
  };
}

function headersFor(
  reply: SandboxReply,
  type: string | null,
  length: number,
): Record<string, string | number> {
  return { ...(type ? { 'Content-Type': type } : {}), 'Content-Length': length, ...reply.headers };
}

function write(res: ServerResponse, reply: SandboxReply): void {
  const { payload, type } = serialise(reply);
  writeSerialised(res, reply, payload, type);
}

function writeSerialised(
  res: ServerResponse,
  reply: SandboxReply,
  payload: Buffer,
  type: string | null,
): void {
  res.writeHead(reply.status, headersFor(reply, type, payload.length));
  res.end(payload);
}

async function writeWithFault(
  res: ServerResponse,
  reply: SandboxReply,
  { payload, type }: Serialised,
  plan: FaultPlan,
  sleep: (ms: number) => Promise<void>,
): Promise<void> {
  if (plan.post === 'reset-after') {
    // The ambiguous case: processed and recorded, and the client never hears back.
    res.socket?.destroy();
    return;
  }
  if (plan.post === 'bad-json' && type?.startsWith('application/json')) {
    const cut = payload.subarray(0, Math.max(1, Math.floor(payload.length / 2)));
    res.writeHead(reply.status, headersFor(reply, type, cut.length));
    res.end(cut);
    return;
  }
  if (plan.post === 'slow-body' && payload.length > 1) {
    const half = Math.floor(payload.length / 2);
    res.writeHead(reply.status, headersFor(reply, type, payload.length));
    res.write(payload.subarray(0, half));
    await sleep(plan.slowBodyMs);
    if (!res.destroyed) res.end(payload.subarray(half));
    return;
  }
  // Serialised once, before the latency: a send's answer of 500 recipients is ~60 kB of JSON.
  writeSerialised(res, reply, payload, type);
}
