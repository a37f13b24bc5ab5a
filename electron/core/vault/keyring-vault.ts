import type { CredentialStore } from './credential-store';
import type { SecretVault } from './vault';

export const KEYRING_PREFIX = 'keyring:';

/** Secrets in the OS credential store, under references `keyring:KEY`, for the app and the CLI. */
export class KeyringVault implements SecretVault {
  constructor(private readonly credentials: CredentialStore) {}

  read(ref: string): string | undefined {
    if (!ref.startsWith(KEYRING_PREFIX)) return undefined;
    try {
      return this.credentials.get(ref.slice(KEYRING_PREFIX.length)) ?? undefined;
    } catch {
      // A locked or absent store: the caller says the secret is unavailable, and why.
      return undefined;
    }
  }

  store(key: string, secret: string): string {
    this.credentials.set(key, secret);
    return `${KEYRING_PREFIX}${key}`;
  }
}
