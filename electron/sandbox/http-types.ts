import type { IncomingHttpHeaders } from 'node:http';

/** One request as an API module sees it: the path is relative to the API's prefix. */
export interface SandboxRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** Source address of the socket, IPv4-mapped form normalised. */
  remoteIp: string;
  /** What an account of this provider is configured with, e.g. http://127.0.0.1:PORT/nrs */
  baseUrl: string;
}

export interface SandboxReply {
  status: number;
  /** Objects are sent as JSON; strings as they are. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export type ApiHandler = (req: SandboxRequest) => SandboxReply;

export function json(status: number, body: unknown): SandboxReply {
  return { status, body };
}

export const noContent: SandboxReply = { status: 204 };

/** Parses a JSON body; `undefined` for an empty body, a SyntaxError result for bad JSON. */
export function parseJsonBody(raw: string): { ok: true; value: unknown } | { ok: false } {
  if (raw.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
