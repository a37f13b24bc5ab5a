import type { SecretVault } from './vault';

/**
 * The CLI's vault: `account add --secret-env VAR` stores the reference
 * `env:VAR`, and the secret is read from that variable each time it is
 * needed, so it is never on a command line, in shell history or on disk.
 */
export class EnvVault implements SecretVault {
  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  read(ref: string): string | undefined {
    if (!ref.startsWith('env:')) return undefined;
    const value = this.env[ref.slice(4)];
    return value ? value : undefined;
  }
}

/** A vault tried in order: the first one that knows the reference answers. */
export class ChainVault implements SecretVault {
  constructor(private readonly vaults: SecretVault[]) {}

  read(ref: string): string | undefined {
    for (const vault of this.vaults) {
      const secret = vault.read(ref);
      if (secret !== undefined) return secret;
    }
    return undefined;
  }
}
