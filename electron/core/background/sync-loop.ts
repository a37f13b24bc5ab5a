import { listAccounts } from '../accounts/repository';
import type { Db } from '../db/connection';
import type { AdapterFor } from '../outbox/reconcile';
import { pushAllBlacklistChanges } from '../suppressions/blacklist-push';
import { syncConversations } from '../sync/conversations/sync';
import { pollUntilSettled } from '../sync/delivery/loop';

const CONVERSATIONS_EVERY_MS = 60_000;
const IDLE_MS = 5_000;

/**
 * The app's background tracking: delivery status of accepted messages
 * (polled, since a desktop cannot receive webhooks) and WhatsApp
 * conversations with their opt-out replies, and pending provider-blacklist
 * changes. The CLI runs the same functions
 * on demand instead.
 */
export class SyncLoop {
  private controller: AbortController | null = null;
  private running: Promise<void> | null = null;
  private lastConversations = 0;
  private wakeUp: (() => void) | null = null;

  constructor(
    private readonly db: Db,
    private readonly adapterFor: AdapterFor,
  ) {}

  start(): void {
    if (this.controller) return;
    this.controller = new AbortController();
    this.running = this.loop(this.controller.signal);
  }

  async stop(): Promise<void> {
    this.controller?.abort();
    this.wakeUp?.();
    await this.running;
    this.controller = null;
    this.running = null;
  }

  /** Something was accepted: start polling it now rather than after the idle wait. */
  wake(): void {
    this.wakeUp?.();
  }

  private async loop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await pollUntilSettled(this.db, this.adapterFor, {
        timeoutMs: CONVERSATIONS_EVERY_MS,
        signal,
      }).catch(() => undefined);
      await this.syncConversationsIfDue(signal);
      // Suppressions made offline (or opt-outs just seen) go to the provider's blacklist.
      await pushAllBlacklistChanges(this.db, this.adapterFor, { signal }).catch(() => undefined);
      await this.idle(signal);
    }
  }

  private async syncConversationsIfDue(signal: AbortSignal): Promise<void> {
    if (Date.now() - this.lastConversations < CONVERSATIONS_EVERY_MS) return;
    this.lastConversations = Date.now();
    for (const account of listAccounts(this.db)) {
      if (signal.aborted || account.paused) continue;
      try {
        const adapter = this.adapterFor(account.id);
        if (adapter.capabilities.conversations)
          await syncConversations(this.db, account.id, adapter, { signal });
      } catch {
        // Offline or paused: the next round tries again.
      }
    }
  }

  private idle(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, IDLE_MS);
      signal.addEventListener('abort', done);
      this.wakeUp = done;
    });
  }
}
