/**
 * Where account secrets live. Secrets never go into SQLite, settings files,
 * logs or the renderer: the database stores only a reference (`secret_ref`).
 * The Electron shell implements this with safeStorage; the CLI reads
 * environment variables (see EnvVault).
 */
export interface SecretVault {
  /** The secret behind a reference, or undefined when it is not available here. */
  read(ref: string): string | undefined;
  /** Stores a secret and returns the reference to keep in the database. */
  store?(key: string, secret: string): string;
}

export class SecretUnavailableError extends Error {
  constructor(account: string, ref: string) {
    super(`The secret of account "${account}" is not available: ${whereToFind(ref)}.`);
    this.name = 'SecretUnavailableError';
  }
}

/** What the person can do to make the secret behind `ref` readable. */
function whereToFind(ref: string): string {
  if (ref.startsWith('env:')) return `set the environment variable ${ref.slice(4)}`;
  if (ref.startsWith('file:'))
    return 'give the vault file’s passphrase (OUTPOST_VAULT_PASSPHRASE, or in the app’s Settings)';
  if (ref.startsWith('keyring:'))
    return 'this computer’s credential store did not answer (unlock it), or the entry is gone: add the account again';
  return 'enter the secret again in the account settings';
}
