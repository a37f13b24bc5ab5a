import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The web bridge is a door into the core (it can send messages), so it is
 * locked three ways: it listens on loopback only, every WebSocket must carry
 * the random token printed in the URL, and the browser's Origin must be the
 * page this server serves (a foreign page, even one reached by DNS
 * rebinding, cannot talk to it). The Host header is checked on every
 * request for the same reason.
 */
export interface Lock {
  token: string;
  /** The one origin the page is served from, e.g. http://127.0.0.1:4607. */
  origin: string;
}

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function sameToken(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The Host a request names must be this server's own (defeats DNS rebinding). */
export function hostAllowed(lock: Lock, req: IncomingMessage): boolean {
  return req.headers.host === new URL(lock.origin).host;
}

/** Why a WebSocket upgrade is refused, or null when it may connect. */
export function refuseUpgrade(lock: Lock, req: IncomingMessage): string | null {
  if (!hostAllowed(lock, req)) return 'wrong host';
  if (req.headers.origin !== lock.origin) return 'wrong origin';
  const token = new URL(req.url ?? '/', lock.origin).searchParams.get('token');
  if (!sameToken(lock.token, token)) return 'missing or wrong token';
  return null;
}

/** A plain HTTP request carrying the token in its query (the test-only call counter). */
export function hasToken(lock: Lock, req: IncomingMessage): boolean {
  const url = new URL(req.url ?? '/', lock.origin);
  return sameToken(lock.token, url.searchParams.get('token'));
}
