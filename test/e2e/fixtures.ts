import { type APIRequestContext, test as base, expect } from '@playwright/test';
import { webUrl } from './web-url';

/** The key page/client.ts keeps the token under for the tab's reloads. */
const TOKEN_KEY = 'outpost.web.token';

/**
 * The suite's `test`: every page carries the server's token, as if it had
 * been opened from the address `npm run web` printed, so specs keep writing
 * `page.goto('/')`.
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    const token = webUrl().searchParams.get('token') ?? '';
    await page.addInitScript(
      ([key, value]) => {
        // Runs in the page (no DOM types on this side of the suite).
        const page = globalThis as { sessionStorage?: { setItem(k: string, v: string): void } };
        try {
          page.sessionStorage?.setItem(key, value);
        } catch {
          // about:blank has no storage; the app's page does.
        }
      },
      [TOKEN_KEY, token] as const,
    );
    await use(page);
  },
});

export { expect };

/** Test-only: the IPC calls the server received so far, in total and by channel. */
export async function ipcCalls(
  request: APIRequestContext,
): Promise<{ total: number; byChannel: Record<string, number> }> {
  const url = webUrl();
  const response = await request.get(
    `${url.origin}/__bridge/calls?token=${url.searchParams.get('token')}`,
  );
  expect(response.ok()).toBe(true);
  return response.json();
}

/**
 * Test-only: the embedded simulator's faults. `reset-before=1` drops every
 * connection before it is answered, as a lost network would; '' clears them.
 */
export async function setSandboxFaults(request: APIRequestContext, spec: string): Promise<void> {
  const url = webUrl();
  const response = await request.post(
    `${url.origin}/__bridge/sandbox-faults?token=${url.searchParams.get('token')}&faults=${encodeURIComponent(spec)}`,
  );
  expect(response.ok()).toBe(true);
}
