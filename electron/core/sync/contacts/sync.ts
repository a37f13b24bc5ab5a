import type { Db } from '../../db/connection';
import { eventsOf } from '../../events/sink';
import type { ProviderAdapter } from '../../providers/types';
import { type PullOptions, type PullProgress, type PullReport, pullContacts } from './pull';
import { type PushReport, pushPendingChanges } from './push';

export interface ContactSyncReport {
  push: PushReport;
  /** Null when the push stopped on a network or account error: pulling then would only fail too. */
  pull: PullReport | null;
}

/**
 * `outpost contacts sync` and the app's "Sync now": offline edits go out
 * first, so the pull that follows already shows them as the provider holds
 * them (and finds any conflict the push left). Its start, progress (per
 * page, throttled) and end are announced as 'sync.state' events.
 */
export async function syncContacts(
  db: Db,
  accountId: number,
  adapter: ProviderAdapter,
  onProgress?: (p: PullProgress) => void,
  options: PullOptions = {},
): Promise<ContactSyncReport> {
  const events = eventsOf(db);
  events.emit('sync.state', { accountId, phase: 'started' });
  try {
    const push = await pushPendingChanges(db, accountId, adapter, options);
    if (push.stopped) {
      events.emit('sync.state', { accountId, phase: 'failed', error: push.stopped.message });
      return { push, pull: null };
    }
    const pull = await pullContacts(
      db,
      accountId,
      adapter,
      (p) => {
        events.syncProgress(accountId, p.contactsSoFar, p.total);
        events.contactsChanged(accountId);
        onProgress?.(p);
      },
      options,
    );
    events.emit('sync.state', { accountId, phase: 'finished', done: pull.contacts });
    return { push, pull };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    events.emit('sync.state', { accountId, phase: 'failed', error: message });
    throw error;
  } finally {
    events.contactsChanged(accountId);
  }
}
