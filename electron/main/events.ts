import type { BrowserWindow } from 'electron';
import { checkedEvent, EVENTS_CHANNEL } from '../../shared/ipc/events';
import type { EventBus } from '../core/events/bus';
import { isTrustedSenderUrl } from './trusted-sender';

/**
 * Forwards the core's events to the app's own page only: a window showing
 * anything else (a page that navigated away, devtools) gets nothing. Each
 * payload is checked against its schema on the way out. Returns the stop.
 */
export function forwardEvents(bus: EventBus, windows: () => readonly BrowserWindow[]): () => void {
  return bus.subscribe((name, payload) => {
    const message = checkedEvent(name, payload);
    if (!message) {
      console.error(`Event ${name} not forwarded: its payload does not match the contract.`);
      return;
    }
    for (const window of windows()) {
      if (window.isDestroyed()) continue;
      const contents = window.webContents;
      if (contents.isDestroyed() || !isTrustedSenderUrl(contents.getURL())) continue;
      contents.send(EVENTS_CHANNEL, message);
    }
  });
}
