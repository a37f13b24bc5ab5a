import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where `npm run web` (started by playwright.config.ts) writes its tokened address for this port. */
export function webUrlFile(port: number): string {
  return join('test', 'artifacts', `web-url-${port}.txt`);
}

export function e2ePort(): number {
  return Number(process.env.E2E_PORT ?? 4517);
}

/** The address of the suite's server, with the token every WebSocket must present. */
export function webUrl(): URL {
  return new URL(readFileSync(webUrlFile(e2ePort()), 'utf8').trim());
}
