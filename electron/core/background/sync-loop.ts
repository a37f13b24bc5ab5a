import { listAccounts } from '../accounts/repository';
import type { Db } from '../db/connection';
import { logProblem } from '../log';
import type { AdapterFor } from '../outbox/reconcile';
import { syncAllProviderSchedules } from '../outbox/schedule';
import { isProviderError } from '../providers/errors';
import { pushAllBlacklistChanges } from '../suppressions/blacklist-push';
import { pushAllContactChanges } from '../sync/contacts/push-all';
import { syncConversations } from '../sync/conversations/sync';
import { pollUntilSettled } from '../sync/delivery/loop';
import { SecretUnavailableError } from '../vault/vault';

const CONVERSATIONS_EVERY_MS = 60_000;
const IDLE_MS = 5_000;
/**
 * The longest sleep between delivery passes. A message accepted meanwhile is
 * first due 5 s after acceptance, but the pass before it only knew the others'
 * next looks (half an hour away for one not final yet, a day for one the
 * provider holds until tomorrow): sleeping until those would leave the new
 * message's report waiting out the loop's minute. A pass with nothing due is
 * two indexed queries and no request.
 */
const LOOK_FOR_NEW_EVERY_MS = 5_000;

/**
 * The app's background tracking: messages held at the provider for their
 * time (compared with its list), delivery status of accepted messages
 * (polled, since a desktop cannot receive webhooks) and WhatsApp
 * conversations with their opt-out replies, pending provider-blacklist
 * changes, and contact edits made offline. The CLI runs the same functions
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
      // First thing at start, then every round: a message deleted on the provider's
      // dashboard becomes cancelled here.
      await syncAllProviderSchedules(this.db, this.adapterFor).catch((error: unknown) => {
        // The provider being unreachable is retried next round; anything else is ours to see.
        if (!signal.aborted && !isProviderError(error))
          logProblem('schedule comparison failed', error);
      });
      // The provider's failures are handled inside (retried on the next pass); what reaches
      // here is a fault of ours, or the stop: the loop goes on, and a developer sees the fault.
      await pollUntilSettled(this.db, this.adapterFor, {
        timeoutMs: CONVERSATIONS_EVERY_MS,
        maxSleepMs: LOOK_FOR_NEW_EVERY_MS,
        signal,
      }).catch((error: unknown) => {
        if (!signal.aborted) logProblem('delivery polling stopped on an error', error);
      });
      await this.syncConversationsIfDue(signal);
      // Suppressions made offline (or opt-outs just seen) go to the provider's blacklist.
      await pushAllBlacklistChanges(this.db, this.adapterFor, { signal }).catch(() => undefined);
      // Contact edits made offline go out too (a delete only after its Undo window).
      await pushAllContactChanges(this.db, this.adapterFor, { signal }).catch((error: unknown) => {
        if (!signal.aborted) logProblem('pushing contact edits failed', error);
      });
      await this.idle(signal);
    }
  }

  /**
   * The person's "Check for new messages" (and the e2e harness after it injects one):
   * the conversations now, then any blacklist change an opt-out queued.
   */
  async syncConversationsNow(signal: AbortSignal = AbortSignal.timeout(30_000)): Promise<void> {
    this.lastConversations = Date.now();
    await this.syncAllConversations(signal);
    await pushAllBlacklistChanges(this.db, this.adapterFor, { signal }).catch(() => undefined);
  }

  private async syncConversationsIfDue(signal: AbortSignal): Promise<void> {
    if (Date.now() - this.lastConversations < CONVERSATIONS_EVERY_MS) return;
    this.lastConversations = Date.now();
    await this.syncAllConversations(signal);
  }

  private async syncAllConversations(signal: AbortSignal): Promise<void> {
    for (const account of listAccounts(this.db)) {
      if (signal.aborted || account.paused) continue;
      try {
        const adapter = this.adapterFor(account.id);
        if (adapter.capabilities.conversations)
          await syncConversations(this.db, account.id, adapter, { signal });
      } catch (error) {
        // Offline or paused: the next round tries again. Anything else is a fault of ours.
        const expected = isProviderError(error) || error instanceof SecretUnavailableError;
        if (!expected && !signal.aborted) {
          logProblem(`could not sync the conversations of account ${account.id}`, error);
        }
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
