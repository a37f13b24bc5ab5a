import { Agent, request } from 'undici';
import { afterAll, beforeAll } from 'vitest';
import {
  createManualClock,
  type ManualClock,
  type SandboxHandle,
  type SandboxOptions,
  startSandbox,
} from '../../../electron/sandbox';

export const SENT_MS = 1_000;
export const FINAL_MS = 5_000;

export interface TestSandbox {
  sb: SandboxHandle;
  clock: ManualClock;
}

/** A sandbox on a manual clock with fast, predictable delivery. */
export async function startTestSandbox(opts: SandboxOptions = {}): Promise<TestSandbox> {
  const clock = createManualClock(Date.UTC(2026, 5, 1, 10, 0, 0));
  const sb = await startSandbox({
    seed: 7,
    delivery: { sentAfterMs: SENT_MS, finalAfterMs: FINAL_MS },
    clock,
    ...opts,
  });
  return { sb, clock };
}

/**
 * One sandbox for the whole test file: started before its tests, closed (with
 * the client agents) after them. The returned object is filled in by beforeAll.
 */
export function sandboxForThisFile(opts: SandboxOptions = {}): TestSandbox {
  const t = {} as TestSandbox;
  beforeAll(async () => {
    Object.assign(t, await startTestSandbox(opts));
  });
  afterAll(async () => {
    await t.sb.close();
    await closeAgents();
  });
  return t;
}

const agents = new Map<string, Agent>();

/**
 * A client bound to a local address, so a test can move between 127.0.0.1 and 127.0.0.2.
 * undici 7 needs the top-level `localAddress` option: `connect: { localAddress }` is
 * silently overridden by the client's own (null) local address.
 */
export function agentFor(localAddress: string): Agent {
  let agent = agents.get(localAddress);
  if (!agent) {
    agent = new Agent({ localAddress });
    agents.set(localAddress, agent);
  }
  return agent;
}

export async function closeAgents(): Promise<void> {
  await Promise.all([...agents.values()].map((a) => a.close()));
  agents.clear();
}

export interface CallOptions {
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  from?: string;
}

export interface CallResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
  json: any;
}

export async function call(
  url: string,
  method: string,
  opts: CallOptions = {},
): Promise<CallResult> {
  const payload = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const res = await request(url, {
    method: method as 'GET',
    headers: { 'content-type': 'application/json', ...opts.headers },
    ...(payload === undefined ? {} : { body: payload }),
    dispatcher: agentFor(opts.from ?? '127.0.0.1'),
  });
  const text = await res.body.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, headers: res.headers, text, json };
}

export function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** Calls the nrs API with the sandbox's own credentials. */
export function nrs(sb: SandboxHandle, method: string, path: string, opts: CallOptions = {}) {
  return call(`${sb.apis.nrs.baseUrl}${path}`, method, {
    ...opts,
    headers: { authorization: basic(sb.apis.nrs.username, sb.apis.nrs.password), ...opts.headers },
  });
}

export function sendSms(sb: SandboxHandle, body: Record<string, unknown>, opts: CallOptions = {}) {
  return nrs(sb, 'POST', '/api/rest/sms', { ...opts, body });
}
