import { randomUUID } from 'node:crypto';
import { UsageError } from './errors';
import { openCliVault } from './profile';

export const VAULT_CHOICES = ['os', 'passphrase-file'] as const;

/**
 * What `account add` keeps in the database for the secret. Without --vault,
 * `env:VAR`: read from the variable at each use (scripts). With --vault, the
 * secret is read from the variable once and kept in the vault the app uses
 * too (the OS credential store, or the passphrase file), and the choice is
 * remembered for the app; only the reference is returned.
 */
export async function secretRefFor(
  dataDir: string,
  secretEnv: string,
  store: (typeof VAULT_CHOICES)[number] | undefined,
): Promise<string> {
  if (!store) return `env:${secretEnv}`;
  const secret = process.env[secretEnv];
  if (!secret) throw new UsageError(`--vault keeps the secret from ${secretEnv}, which is not set`);
  const vault = await openCliVault(dataDir);
  if (store === 'passphrase-file' && !vault.hasPassphrase()) {
    if (!process.stdin.isTTY) {
      throw new UsageError(
        '--vault passphrase-file needs the passphrase in OUTPOST_VAULT_PASSPHRASE (or a terminal to ask on)',
      );
    }
    const { promptPassphrase } = await import('./passphrase-prompt');
    vault.unlock(await promptPassphrase('New vault passphrase: '));
  }
  vault.choose(store);
  return vault.store(`account-${randomUUID()}`, secret);
}
