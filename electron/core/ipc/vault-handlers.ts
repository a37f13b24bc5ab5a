import type { CoreContext } from '../context';
import type { VaultService } from '../vault/vault-service';
import type { HandlersFor } from './handler-table';

function sharedVault(core: CoreContext): VaultService {
  if (!core.vaults)
    throw new Error('This process keeps secrets in memory only; it has no vault to show.');
  return core.vaults;
}

export function vaultHandlers(core: CoreContext): HandlersFor<'vault.status' | 'vault.choose'> {
  return {
    'vault.status': () => sharedVault(core).status(),
    'vault.choose': (request) => {
      const reply =
        request.store === 'os'
          ? sharedVault(core).choose('os')
          : sharedVault(core).choose('passphrase-file', request.passphrase);
      // Secrets that could not be read before (a locked passphrase file) may be readable now.
      core.outbox.secretChanged();
      return reply;
    },
  };
}
