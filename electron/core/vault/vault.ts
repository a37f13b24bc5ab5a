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
    const where = ref.startsWith('env:')
      ? `set the environment variable ${ref.slice(4)}`
      : 'enter the secret again in the account settings';
    super(`The secret of account "${account}" is not available: ${where}.`);
    this.name = 'SecretUnavailableError';
  }
}
