import { getAccount, listAccounts } from '../accounts/repository';
import type { CoreContext } from '../context';
import type { HandlersFor } from './handler-table';

export function accountsHandlers(
  core: CoreContext,
): HandlersFor<'accounts.list' | 'accounts.resume'> {
  return {
    'accounts.list': () =>
      listAccounts(core.db).map((a) => ({
        id: a.id,
        name: a.name,
        provider: a.provider,
        baseUrl: a.baseUrl,
        paused: a.paused
          ? { code: a.paused.code, reason: a.paused.reason, since: a.paused.at }
          : null,
        lastOkIp: a.lastOkIp,
        sandbox: a.secretRef.startsWith('memory:sandbox'),
      })),
    'accounts.resume': async ({ accountId }) => {
      await core.outbox.retryNow(accountId);
      const { paused } = getAccount(core.db, accountId);
      return { resumed: paused === null, reason: paused?.reason ?? null };
    },
  };
}
