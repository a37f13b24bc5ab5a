import { net, powerMonitor } from 'electron';
import type { OutboxService } from '../core/outbox/service';

const CHECK_EVERY_MS = 3_000;

/**
 * Tells the outbox when the network comes back or the laptop wakes, so queued
 * sends go out within seconds instead of waiting for their next retry.
 */
export function watchNetwork(outbox: OutboxService): () => void {
  let online = net.isOnline();
  const timer = setInterval(() => {
    const now = net.isOnline();
    if (now !== online) outbox.networkChanged(now);
    online = now;
  }, CHECK_EVERY_MS);
  const onResume = () => outbox.networkChanged(true);
  powerMonitor.on('resume', onResume);
  return () => {
    clearInterval(timer);
    powerMonitor.off('resume', onResume);
  };
}
