import type { Db } from '../db/connection';
import { createAdapter } from '../providers/registry';
import type { AdapterConfig, ProviderAdapter } from '../providers/types';
import { SecretUnavailableError, type SecretVault } from '../vault/vault';
import { getCustomFieldMap } from './custom-fields';
import { getAccount } from './repository';

/**
 * One adapter per account for the life of a process (they keep connections
 * alive), built from the account row and the vault. The secret is read only here.
 */
export class AdapterPool {
  private readonly adapters = new Map<number, ProviderAdapter>();

  constructor(
    private readonly db: Db,
    private readonly vault: SecretVault,
    private readonly overrides: Partial<AdapterConfig> = {},
  ) {}

  get = (accountId: number): ProviderAdapter => {
    const existing = this.adapters.get(accountId);
    if (existing) return existing;
    const account = getAccount(this.db, accountId);
    const secret = this.vault.read(account.secretRef);
    if (secret === undefined) throw new SecretUnavailableError(account.name, account.secretRef);
    const adapter = createAdapter({
      provider: account.provider,
      baseUrl: account.baseUrl,
      secret,
      ...(account.username ? { username: account.username } : {}),
      ...(account.localAddress ? { localAddress: account.localAddress } : {}),
      ...(account.provider === 'action'
        ? { customFieldIds: () => getCustomFieldMap(this.db, accountId) }
        : {}),
      ...this.overrides,
    });
    this.adapters.set(accountId, adapter);
    return adapter;
  };

  /** Drops an account's adapter, e.g. after its egress address changed. */
  async forget(accountId: number): Promise<void> {
    const adapter = this.adapters.get(accountId);
    this.adapters.delete(accountId);
    await adapter?.close();
  }

  async closeAll(): Promise<void> {
    const all = [...this.adapters.values()];
    this.adapters.clear();
    await Promise.allSettled(all.map((a) => a.close()));
  }
}
