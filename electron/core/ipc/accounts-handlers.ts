import { addAccountChecked } from '../accounts/add-account';
import { removeAccount } from '../accounts/remove-account';
import { getAccount, listAccounts } from '../accounts/repository';
import type { CoreContext } from '../context';
import { MANUAL_PAUSE, pauseManually, resumeAccount } from '../outbox/pause';
import type { HandlersFor } from './handler-table';

export function accountsHandlers(
  core: CoreContext,
): HandlersFor<
  | 'accounts.list'
  | 'accounts.resume'
  | 'accounts.pause'
  | 'accounts.add'
  | 'accounts.remove'
  | 'accounts.test'
> {
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
    'accounts.add': async (request) => {
      if (!core.secretStore) {
        return {
          ok: false,
          field: null,
          message: 'This computer offers no secure place to keep the secret.',
        };
      }
      // Asked before the provider is, so the person is not made to wait for a check that cannot be kept.
      // Only when the secret is going into the shared vault must the vault be usable first.
      const vault = core.secretStore === core.vaults ? core.vaults?.status() : undefined;
      if (vault?.choiceNeeded || vault?.locked)
        return { ok: false, field: null, message: vault.sentence };
      const reply = await addAccountChecked(core.db, core.secretStore, request);
      if (reply.ok) core.outbox.wake();
      return reply;
    },
    'accounts.pause': ({ accountId }) => {
      pauseManually(core.db, accountId);
      const { paused } = getAccount(core.db, accountId);
      return { resumed: false, reason: paused?.reason ?? null };
    },
    'accounts.resume': async ({ accountId }) => {
      // A pause the person set is theirs to lift; a provider's pause is lifted only if a probe passes.
      if (getAccount(core.db, accountId).paused?.code === MANUAL_PAUSE) {
        resumeAccount(core.db, accountId);
        core.outbox.wake();
      } else {
        await core.outbox.retryNow(accountId);
      }
      const { paused } = getAccount(core.db, accountId);
      return { resumed: paused === null, reason: paused?.reason ?? null };
    },
    'accounts.remove': async ({ accountId }) => {
      const reply = removeAccount(core.db, accountId);
      // Its pooled adapter (open connections, the secret in memory) goes with it.
      if (reply.ok) {
        await core.adapters.forget(accountId);
        core.events.emit('accounts.changed', {});
      }
      return reply;
    },
    'accounts.test': async ({ accountId }) => {
      try {
        await core.adapters.get(accountId).verify();
        return { ok: true, message: null };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
