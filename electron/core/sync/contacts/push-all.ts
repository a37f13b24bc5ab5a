import { listAccounts } from '../../accounts/repository';
import type { Db } from '../../db/connection';
import { eventsOf } from '../../events/sink';
import type { AdapterFor } from '../../outbox/reconcile';
import { isProviderError } from '../../providers/errors';
import type { CallOptions } from '../../providers/types';
import { SecretUnavailableError } from '../../vault/vault';
import { pushPendingChanges } from './push';

/**
 * The app's background push of offline contact edits: every account with a
 * change due (not held for an Undo) is pushed, so an edit made offline
 * reaches the provider when the network returns without anyone pressing
 * "Sync now". Offline or paused accounts are simply tried next round.
 */
export async function pushAllContactChanges(
  db: Db,
  adapterFor: AdapterFor,
  options: CallOptions & { now?: () => number } = {},
): Promise<void> {
  const now = options.now ?? Date.now;
  const due = new Set(
    db
      .prepare(
        `SELECT DISTINCT account_id FROM pending_changes
         WHERE (state = 'pending' OR (state = 'pushing' AND lease_until < ?))
           AND (hold_until IS NULL OR hold_until <= ?)`,
      )
      .pluck()
      .all(now(), now()) as number[],
  );
  for (const account of listAccounts(db)) {
    if (!due.has(account.id) || account.paused) continue;
    if (options.signal?.aborted) return;
    try {
      const report = await pushPendingChanges(db, account.id, adapterFor(account.id), options);
      if (report.pushed + report.conflicts + report.failed > 0) {
        eventsOf(db).contactsChanged(account.id);
      }
    } catch (error) {
      if (!(isProviderError(error) || error instanceof SecretUnavailableError)) throw error;
    }
  }
}
