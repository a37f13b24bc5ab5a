import { type Channel, channels } from '../../shared/ipc/contract';

/**
 * Counts the IPC calls the page made, by channel (tests read it to prove an
 * idle app makes none). Keys are the contract's channels plus one for
 * anything else, so the map cannot grow with what a page sends.
 */
export class CallCounter {
  private total = 0;
  private readonly byChannel = new Map<Channel | '(unknown)', number>();

  count(channel: string): void {
    const key = (channels as readonly string[]).includes(channel)
      ? (channel as Channel)
      : '(unknown)';
    this.total += 1;
    this.byChannel.set(key, (this.byChannel.get(key) ?? 0) + 1);
  }

  snapshot(): { total: number; byChannel: Record<string, number> } {
    return { total: this.total, byChannel: Object.fromEntries(this.byChannel) };
  }
}
