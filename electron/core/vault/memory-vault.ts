import type { SecretVault } from './vault';

/**
 * Secrets held only in this process's memory: the embedded Sandbox account's
 * credentials, which the simulator makes up at each start.
 */
export class MemoryVault implements SecretVault {
  private readonly secrets = new Map<string, string>();

  read(ref: string): string | undefined {
    return this.secrets.get(ref);
  }

  store(key: string, secret: string): string {
    const ref = `memory:${key}`;
    this.secrets.set(ref, secret);
    return ref;
  }
}
