import type { IncomingHttpHeaders } from 'node:http';

export interface SandboxCredentials {
  nrs: { username: string; password: string };
  action: { secretKey: string };
  addressbook: { token: string };
  tags: { apiKey: string };
}

export const DEFAULT_CREDENTIALS: SandboxCredentials = {
  nrs: { username: 'sandbox', password: 'sandbox-api-password' },
  action: { secretKey: 'sandbox-secret-key' },
  addressbook: { token: 'sandbox-token' },
  tags: { apiKey: 'sandbox-api-key' },
};

export function mergeCredentials(partial?: Partial<SandboxCredentials>): SandboxCredentials {
  return {
    nrs: { ...DEFAULT_CREDENTIALS.nrs, ...partial?.nrs },
    action: { ...DEFAULT_CREDENTIALS.action, ...partial?.action },
    addressbook: { ...DEFAULT_CREDENTIALS.addressbook, ...partial?.addressbook },
    tags: { ...DEFAULT_CREDENTIALS.tags, ...partial?.tags },
  };
}

/** `Authorization: Basic base64(username:apiPassword)` (seed 003 lines 1-9). */
export function basicAuthMatches(
  req: { headers: IncomingHttpHeaders },
  username: string,
  password: string,
): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Basic\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  return decoded === `${username}:${password}`;
}

/** `Authorization: Bearer <token>` (seed 001). */
export function bearerMatches(req: { headers: IncomingHttpHeaders }, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1]?.trim() === token;
}

/** IPv4-mapped IPv6 addresses ('::ffff:127.0.0.1') are the IPv4 address they carry. */
export function normaliseIp(address: string | undefined): string {
  if (!address) return '';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
