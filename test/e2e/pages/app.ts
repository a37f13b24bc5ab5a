import { expect, type Page } from '@playwright/test';
import { webUrl } from '../web-url';

/** Preferences a test sets through the real core, so every test starts from the same app. */
/** One crossing of the bridge, seen from the page: a call it sent, or an event the core pushed. */
export interface BridgeTraffic {
  at: number;
  kind: 'call' | 'event';
  name: string;
}

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
      // What crossed the bridge, with when: calls the page sent and events the core pushed.
      const w = window as unknown as { __bridgeTraffic: BridgeTraffic[] };
      w.__bridgeTraffic = [];
      const log = (entry: Omit<BridgeTraffic, 'at'>) => {
        w.__bridgeTraffic.push({ at: performance.now(), ...entry });
        if (w.__bridgeTraffic.length > 2_000) w.__bridgeTraffic.shift();
      };
      const send = WebSocket.prototype.send;
      WebSocket.prototype.send = function (data) {
        const channel = (JSON.parse(String(data)) as { channel?: string }).channel ?? '?';
        log({ kind: 'call', name: channel });
        return send.call(this, data);
      };
      const Native = WebSocket;
      window.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols);
          this.addEventListener('message', (message) => {
            const data = JSON.parse(String(message.data)) as { event?: { name?: string } };
            if (data.event) log({ kind: 'event', name: data.event.name ?? '?' });
          });
        }
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

  /** The calls sent and events received over the bridge since `since` (performance.now() in the page). */
  async bridgeTraffic(since = 0): Promise<BridgeTraffic[]> {
    return this.page.evaluate(
      (from) =>
        (window as unknown as { __bridgeTraffic: BridgeTraffic[] }).__bridgeTraffic.filter(
          (entry) => entry.at >= from,
        ),
      since,
    );
  }

  /** The page's clock, to mark the start of a stretch of `bridgeTraffic`. */
  async pageNow(): Promise<number> {
    return this.page.evaluate(() => performance.now());
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }
}
