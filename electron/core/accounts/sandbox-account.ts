import type { Db } from '../db/connection';
import { writeTransaction } from '../db/transaction';
import { eventsOf } from '../events/sink';
import type { SecretVault } from '../vault/vault';
import { addAccount, listAccounts } from './repository';

export const SANDBOX_ACCOUNT = 'Sandbox';

/**
 * The embedded Sandbox account: when the profile has no provider account of
 * its own, the shell runs the simulator and this account points at it. The
 * simulator's port changes at every start, so the address is refreshed each time.
 */
export function ensureSandboxAccount(
  db: Db,
  vault: SecretVault & { store(key: string, secret: string): string },
  nrs: { baseUrl: string; username: string; password: string },
): number {
  const secretRef = vault.store('sandbox-nrs', nrs.password);
  return writeTransaction(db, () => {
    const existing = listAccounts(db).find((a) => a.name === SANDBOX_ACCOUNT);
    if (!existing) {
      return addAccount(db, {
        name: SANDBOX_ACCOUNT,
        provider: 'nrs',
        baseUrl: nrs.baseUrl,
        username: nrs.username,
        secretRef,
      }).id;
    }
    db.prepare('UPDATE accounts SET base_url = ?, username = ?, secret_ref = ? WHERE id = ?').run(
      nrs.baseUrl,
      nrs.username,
      secretRef,
      existing.id,
    );
    eventsOf(db).emit('accounts.changed', {});
    return existing.id;
  });
}

/** True when a person has added an account of their own (the app then needs no simulator). */
export function hasOwnAccounts(db: Db): boolean {
  return listAccounts(db).some((a) => a.name !== SANDBOX_ACCOUNT);
}
