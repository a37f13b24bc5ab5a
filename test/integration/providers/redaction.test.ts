import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../electron/core/providers/errors';
import { createAdapter } from '../../../electron/core/providers/registry';
import type { AdapterConfig } from '../../../electron/core/providers/types';

/**
 * A provider that repeats the credentials it was sent in its error answer, as
 * some gateways and proxies do: whatever reaches the adapter's error must
 * have had them taken out by the adapter itself.
 */
function whatWasSent(req: IncomingMessage, body: string): string {
  const ordinary = new Set([
    'host',
    'content-type',
    'content-length',
    'accept',
    'user-agent',
    'connection',
    'accept-encoding',
  ]);
  const parts: string[] = [];
  for (const [name, value] of Object.entries(req.headers)) {
    if (ordinary.has(name) || value === undefined) continue;
    const text = String(value);
    parts.push(text);
    const basic = /^Basic (.+)$/i.exec(text)?.[1];
    if (basic) parts.push(Buffer.from(basic, 'base64').toString('utf8'));
  }
  const query = new URL(req.url ?? '/', 'http://x').searchParams;
  for (const value of query.values()) parts.push(value);
  if (body) parts.push(body);
  return parts.join(' ');
}

let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const echo = `ECHO ${whatWasSent(req, body)}`;
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { code: 401, description: echo },
          message: echo,
          errors: [{ message: echo }],
          detail: echo,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/provider`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const SECRET = 'S3cr3t-Echoed-9x';
const CASES: AdapterConfig['provider'][] = ['nrs', 'action', 'addressbook', 'tags'];

describe('a provider that echoes the secret back in its error', () => {
  for (const provider of CASES) {
    it(`${provider}: the error says what the provider said, with the secret taken out`, async () => {
      const adapter = createAdapter({
        provider,
        baseUrl,
        secret: SECRET,
        ...(provider === 'nrs' ? { username: 'shop-user' } : {}),
        totalTimeoutMs: 5_000,
      });
      try {
        const error = await adapter.verify().then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ProviderError);
        const e = error as ProviderError;
        const texts = `${e.message}\n${e.providerText ?? ''}`;
        // The provider's words got through (so this looks at a real path)...
        expect(texts).toContain('ECHO');
        // ...and none of the secret's forms did.
        expect(texts).not.toContain(SECRET);
        expect(texts).not.toContain(Buffer.from(`shop-user:${SECRET}`).toString('base64'));
      } finally {
        await adapter.close();
      }
    });
  }
});
