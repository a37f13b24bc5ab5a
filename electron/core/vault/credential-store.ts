/**
 * The operating system's credential store (macOS Keychain, Windows
 * Credential Manager, the Secret Service on Linux), reduced to what the vault
 * needs. Tests replace it with a double: on machines without a store every
 * call of the real one fails.
 */
export interface CredentialStore {
  get(key: string): string | null;
  set(key: string, secret: string): void;
  remove(key: string): void;
}

/** The service name every Outpost entry is filed under, for the app and the CLI alike. */
export const CREDENTIAL_SERVICE = 'Outpost';

type KeyringModule = typeof import('@napi-rs/keyring');

/** @napi-rs/keyring, loaded on first use so commands that need no secret never load the addon. */
export class KeyringCredentialStore implements CredentialStore {
  private module: KeyringModule | undefined;

  // A synchronous require, loaded on first use only: the vault interface is synchronous.
  private entry(key: string) {
    this.module ??= require('@napi-rs/keyring') as KeyringModule;
    return new this.module.Entry(CREDENTIAL_SERVICE, key);
  }

  get(key: string): string | null {
    return this.entry(key).getPassword() ?? null;
  }

  set(key: string, secret: string): void {
    this.entry(key).setPassword(secret);
  }

  remove(key: string): void {
    this.entry(key).deletePassword();
  }
}

const PROBE_KEY = 'availability-probe';

/**
 * Whether the store answers here. A write is the test: on a Linux machine
 * without a Secret Service the first read answers "nothing stored" and only
 * the write says AccessDenied.
 */
export function credentialStoreWorks(store: CredentialStore): boolean {
  try {
    store.set(PROBE_KEY, 'ok');
    const back = store.get(PROBE_KEY);
    store.remove(PROBE_KEY);
    return back === 'ok';
  } catch {
    return false;
  }
}
