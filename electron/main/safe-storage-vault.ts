import { readFileSync, writeFileSync } from 'node:fs';
import { safeStorage } from 'electron';
import type { SecretVault } from '../core/vault/vault';

/**
 * Account secrets encrypted with the operating system's keychain
 * (safeStorage) in a file of their own, never in SQLite or electron-store.
 */
export class SafeStorageVault implements SecretVault {
  constructor(private readonly file: string) {}

  private load(): Record<string, string> {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }

  read(ref: string): string | undefined {
    if (!ref.startsWith('vault:')) return undefined;
    const sealed = this.load()[ref];
    if (!sealed || !safeStorage.isEncryptionAvailable()) return undefined;
    return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
  }

  store(key: string, secret: string): string {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new Error('This computer offers no secure storage for secrets (keychain unavailable).');
    }
    const ref = `vault:${key}`;
    const all = this.load();
    all[ref] = safeStorage.encryptString(secret).toString('base64');
    writeFileSync(this.file, JSON.stringify(all), { mode: 0o600 });
    return ref;
  }
}
