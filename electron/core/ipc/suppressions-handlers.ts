import type { CoreContext } from '../context';
import { blacklistStateOf, pushAllBlacklistChanges } from '../suppressions/blacklist-push';
import {
  addManagedSuppression,
  listManagedSuppressions,
  removeManagedSuppression,
  type SuppressionChange,
  SuppressionInputError,
} from '../suppressions/manage';
import type { HandlersFor } from './handler-table';

/**
 * The change is saved first; the provider's blacklist is then updated while
 * the person waits a little (8 s at most). A provider that cannot be reached
 * leaves the change queued ('pending'), pushed later by the sync loop.
 */
async function settled(core: CoreContext, change: SuppressionChange) {
  const queued = change.accounts.filter((a) => a.blacklistQueued).map((a) => a.accountId);
  if (queued.length > 0) {
    await pushAllBlacklistChanges(core.db, core.adapters.get, {
      accountIds: queued,
      signal: AbortSignal.timeout(8_000),
    }).catch(() => undefined);
  }
  return {
    ok: true as const,
    phone: change.phone,
    accounts: change.accounts.map((a) => ({
      accountId: a.accountId,
      account: a.account,
      changed: a.changed,
      blacklist: a.blacklistQueued
        ? (blacklistStateOf(core.db, a.accountId, change.phone)?.state ?? 'pending')
        : ('none' as const),
    })),
  };
}

function refused(error: unknown) {
  if (error instanceof SuppressionInputError) return { ok: false as const, message: error.message };
  throw error;
}

export function suppressionsHandlers(
  core: CoreContext,
): HandlersFor<'suppressions.list' | 'suppressions.add' | 'suppressions.remove'> {
  return {
    'suppressions.list': ({ accountId }) => listManagedSuppressions(core.db, accountId),
    'suppressions.add': async (request) => {
      let change: SuppressionChange;
      try {
        change = addManagedSuppression(core.db, {
          phone: request.phone,
          ...(request.reason ? { reason: request.reason } : {}),
          ...(request.accountId ? { accountId: request.accountId } : {}),
          ...(request.defaultCountry ? { defaultCountry: request.defaultCountry } : {}),
        });
      } catch (error) {
        return refused(error);
      }
      return settled(core, change);
    },
    'suppressions.remove': async (request) => {
      let change: SuppressionChange;
      try {
        change = removeManagedSuppression(core.db, {
          phone: request.phone,
          ...(request.accountId ? { accountId: request.accountId } : {}),
        });
      } catch (error) {
        return refused(error);
      }
      return settled(core, change);
    },
  };
}
