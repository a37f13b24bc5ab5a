import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateFolder } from '../db/private-files';
import { type CredentialStore, credentialStoreWorks } from './credential-store';
import { ChainVault, EnvVault } from './env-vault';
import { KeyringVault } from './keyring-vault';
import { MIN_PASSPHRASE_LENGTH, PassphraseFileVault } from './passphrase-file-vault';
import type { SecretVault } from './vault';

/** Where new secrets go: the OS credential store, or the passphrase-encrypted file. */
export type VaultStore = 'os' | 'passphrase-file';

export const VAULT_CHOICE_FILE = 'vault-choice.json';
export const VAULT_SECRETS_FILE = 'vault-secrets.json';
export const PASSPHRASE_ENV = 'OUTPOST_VAULT_PASSPHRASE';
/** Below this length a passphrase is accepted but reported as weak. */
const STRONG_PASSPHRASE_LENGTH = 12;

export interface VaultStatus {
  store: VaultStore | null;
  osStoreAvailable: boolean;
  /** No store chosen and no OS store: the person must choose the passphrase file first. */
  choiceNeeded: boolean;
  /** The passphrase file is chosen but its passphrase has not been given in this process. */
  locked: boolean;
  weak: boolean;
  file: string | null;
  sentence: string;
}

export interface VaultServiceOptions {
  dataDir: string;
  credentials: CredentialStore;
  env?: NodeJS.ProcessEnv;
}

/**
 * The one vault of the app and the CLI. Both read every kind of reference
 * (`keyring:` from the OS store, `file:` from the passphrase file, `env:`
 * from the environment), and new secrets go where the person chose (the
 * choice is a file in the data folder, so both see it), so an account added
 * in either works in the other.
 */
export class VaultService implements SecretVault {
  private readonly dataDir: string;
  private readonly credentials: CredentialStore;
  private readonly env: NodeJS.ProcessEnv;
  private readonly keyring: KeyringVault;
  private readonly file: PassphraseFileVault;
  private readonly readers: ChainVault;
  private givenPassphrase: string | undefined;
  private osWorks: boolean | undefined;

  constructor(options: VaultServiceOptions) {
    this.dataDir = options.dataDir;
    this.credentials = options.credentials;
    this.env = options.env ?? process.env;
    this.keyring = new KeyringVault(this.credentials);
    this.file = new PassphraseFileVault(join(this.dataDir, VAULT_SECRETS_FILE), () =>
      this.passphrase(),
    );
    this.readers = new ChainVault([new EnvVault(this.env), this.keyring, this.file]);
  }

  private passphrase(): string | undefined {
    return this.givenPassphrase ?? (this.env[PASSPHRASE_ENV] || undefined);
  }

  /** Asked once per process: the probe writes to the store. */
  osStoreAvailable(): boolean {
    this.osWorks ??= credentialStoreWorks(this.credentials);
    return this.osWorks;
  }

  private chosen(): VaultStore | null {
    try {
      const { store } = JSON.parse(readFileSync(join(this.dataDir, VAULT_CHOICE_FILE), 'utf8')) as {
        store?: unknown;
      };
      return store === 'os' || store === 'passphrase-file' ? store : null;
    } catch {
      return null;
    }
  }

  /** The store new secrets go to: the person's choice, else the OS store when it answers. */
  current(): VaultStore | null {
    return this.chosen() ?? (this.osStoreAvailable() ? 'os' : null);
  }

  status(): VaultStatus {
    const store = this.current();
    const osStoreAvailable = this.osStoreAvailable();
    const passphrase = this.passphrase();
    const locked = store === 'passphrase-file' && !passphrase;
    const weak =
      store === 'passphrase-file' && !!passphrase && passphrase.length < STRONG_PASSPHRASE_LENGTH;
    const file = store === 'passphrase-file' ? this.file.file : null;
    return {
      store,
      osStoreAvailable,
      choiceNeeded: store === null,
      locked,
      weak,
      file,
      sentence: this.describe(store, locked, weak),
    };
  }

  private describe(store: VaultStore | null, locked: boolean, weak: boolean): string {
    if (store === null)
      return 'This computer has no credential store Outpost can use: choose a passphrase-protected vault file to keep account secrets.';
    if (store === 'os') return 'Account secrets are kept in this computer’s credential store.';
    if (locked)
      return 'Account secrets are in the passphrase-protected vault file: enter its passphrase to use them.';
    if (weak)
      return `Account secrets are in the passphrase-protected vault file, but its passphrase is shorter than ${STRONG_PASSPHRASE_LENGTH} characters.`;
    return 'Account secrets are in the passphrase-protected vault file.';
  }

  /**
   * The person's choice of store; for the passphrase file, the passphrase,
   * which also unlocks it for this process (checked against an existing file).
   */
  choose(store: VaultStore, passphrase?: string): VaultStatus {
    if (store === 'os' && !this.osStoreAvailable()) {
      throw new Error('This computer’s credential store does not answer, so it cannot be chosen.');
    }
    if (store === 'passphrase-file') {
      const given = passphrase ?? this.passphrase();
      if (!given) {
        throw new Error(
          `The vault file needs a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`,
        );
      }
      this.unlock(given);
    }
    ensurePrivateFolder(this.dataDir);
    writeFileSync(join(this.dataDir, VAULT_CHOICE_FILE), JSON.stringify({ store }), {
      mode: 0o600,
    });
    return this.status();
  }

  /** Whether this process knows a passphrase for the file (given, or OUTPOST_VAULT_PASSPHRASE). */
  hasPassphrase(): boolean {
    return this.passphrase() !== undefined;
  }

  /** The passphrase file is the chosen store and no passphrase was given (no probe of the OS store). */
  needsPassphrase(): boolean {
    return this.chosen() === 'passphrase-file' && !this.passphrase();
  }

  /** Gives the passphrase file's passphrase for this process (checked against the file). */
  unlock(passphrase: string): void {
    this.file.verify(passphrase);
    this.givenPassphrase = passphrase;
  }

  read(ref: string): string | undefined {
    return this.readers.read(ref);
  }

  store(key: string, secret: string): string {
    const store = this.current();
    ensurePrivateFolder(this.dataDir);
    if (store === 'os') return this.keyring.store(key, secret);
    if (store === 'passphrase-file') return this.file.store(key, secret);
    throw new Error(
      `This computer has no credential store Outpost can use: choose the passphrase-protected vault file (CLI: --vault passphrase-file with ${PASSPHRASE_ENV}).`,
    );
  }
}
