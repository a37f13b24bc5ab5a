import type { Db } from '../../db/connection';
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
 * them (and finds any conflict the push left).
 */
export async function syncContacts(
  db: Db,
  accountId: number,
  adapter: ProviderAdapter,
  onProgress?: (p: PullProgress) => void,
  options: PullOptions = {},
): Promise<ContactSyncReport> {
  const push = await pushPendingChanges(db, accountId, adapter, options);
  if (push.stopped) return { push, pull: null };
  const pull = await pullContacts(db, accountId, adapter, onProgress, options);
  return { push, pull };
}
