import { type APIRequestContext, test as base, expect, type Page } from '@playwright/test';
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

/** Test-only: one of the web shell's hooks (`POST /__bridge/test/<name>`, electron/web/test-hooks.ts). */
export async function testHook(
  request: APIRequestContext,
  name: string,
  body: object,
): Promise<unknown> {
  const url = webUrl();
  const response = await request.post(
    `${url.origin}/__bridge/test/${name}?token=${url.searchParams.get('token')}`,
    { data: body, timeout: 120_000 },
  );
  expect(response.ok(), await response.text()).toBe(true);
  return response.json();
}

/** The views choose the first account by name; a spec's own must sort after the Sandbox. */
const FIRST_ACCOUNT = 'Sandbox';

export interface OwnAccount {
  id: number;
  name: string;
  baseUrl: string;
  secret: string;
}

/**
 * A simulator of the spec's own (test hook `simulator`) and an account on it,
 * added through the app as a person would (`accounts.add` checks it with the
 * provider first). Nothing another spec sends, syncs, suppresses or breaks
 * reaches it: its contacts, blacklist, balance and delivery reports are its
 * own. `name` gets a suffix unique to the run, so a profile used before
 * (another run, the same spec again) never holds its figures.
 */
export async function ownSimulatorAccount(
  page: Page,
  request: APIRequestContext,
  options: { name: string; provider: 'nrs' | 'tags' },
): Promise<OwnAccount> {
  const name = `${options.name} ${Date.now().toString(36)}`;
  expect(name > FIRST_ACCOUNT, `"${name}" must sort after "${FIRST_ACCOUNT}"`).toBe(true);
  const { apis } = (await testHook(request, 'simulator', {})) as {
    apis: {
      nrs: { baseUrl: string; username: string; password: string };
      tags: { baseUrl: string; apiKey: string };
    };
  };
  const site =
    options.provider === 'nrs'
      ? { baseUrl: apis.nrs.baseUrl, username: apis.nrs.username, secret: apis.nrs.password }
      : { baseUrl: apis.tags.baseUrl, secret: apis.tags.apiKey };
  const id = await page.evaluate(
    async (input) => {
      const added = await window.outpost.accounts.add(input);
      if (!added.ok) throw new Error(added.message);
      return added.id;
    },
    { name, provider: options.provider, ...site },
  );
  return { id, name, baseUrl: site.baseUrl, secret: site.secret };
}
