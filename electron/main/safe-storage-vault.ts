import { readFileSync, writeFileSync } from 'node:fs';
import { safeStorage } from 'electron';
import type { SecretVault } from '../core/vault/vault';
import { secretStorageStatus } from './secret-storage';

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
    try {
      return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
    } catch {
      // Copied from another machine or the keyring changed: the account asks
      // for its secret again (SecretUnavailableError) instead of the app failing.
      return undefined;
    }
  }

  store(key: string, secret: string): string {
    const status = secretStorageStatus(safeStorage, process.platform);
    if (!status.secure) throw new Error(status.sentence);
    const ref = `vault:${key}`;
    const all = this.load();
    all[ref] = safeStorage.encryptString(secret).toString('base64');
    writeFileSync(this.file, JSON.stringify(all), { mode: 0o600 });
    return ref;
  }
}
