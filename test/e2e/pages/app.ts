import { expect, type Page } from '@playwright/test';
import { webUrl } from '../web-url';

/** Preferences a test sets through the real core, so every test starts from the same app. */
export interface TestPreferences {
  language?: 'en' | 'es' | null;
  theme?: 'system' | 'light' | 'dark';
}

/**
 * The app shell: open it with a clean draft and known preferences, switch
 * views from the sidebar or the keyboard. Counts the calls the page makes
 * over the bridge (the idle test reads it).
 */
export class AppPage {
  constructor(readonly page: Page) {}

  async open(preferences: TestPreferences = {}): Promise<void> {
    // The server's token, as if opened from the address `npm run web` printed (also for new contexts).
    const token = webUrl().searchParams.get('token') ?? '';
    await this.page.addInitScript((value) => {
      try {
        (
          globalThis as { sessionStorage?: { setItem(k: string, v: string): void } }
        ).sessionStorage?.setItem('outpost.web.token', value);
      } catch {
        // about:blank has no storage.
      }
    }, token);
    await this.page.addInitScript(() => {
      const w = window as unknown as { __bridgeCalls: number };
      w.__bridgeCalls = 0;
      const send = WebSocket.prototype.send;
      WebSocket.prototype.send = function (data) {
        w.__bridgeCalls++;
        return send.call(this, data);
      };
    });
    await this.page.goto('/');
    await this.page.evaluate(
      async (prefs) => {
        localStorage.clear();
        await window.outpost.settings.set({ language: null, theme: 'system', ...prefs });
      },
      preferences as Record<string, unknown>,
    );
    await this.page.reload();
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  nav() {
    return this.page.getByRole('navigation');
  }

  async go(name: string | RegExp): Promise<void> {
    await this.nav().getByRole('link', { name }).click();
  }

  async bridgeCalls(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { __bridgeCalls: number }).__bridgeCalls);
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }
}
