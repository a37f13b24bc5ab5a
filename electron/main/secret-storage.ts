import type { SecretStorageStatus } from '../core/shell-hooks';

interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend?(): string;
}

/**
 * Whether safeStorage really protects secrets here. On Linux without a
 * keyring Electron falls back to `basic_text`: "encrypted" with a key written
 * in Chromium's source, which protects nothing. Account secrets are kept in
 * the vault shared with the CLI (core/vault: the OS credential store or the
 * passphrase file), never in safeStorage; this status is shown in Settings so
 * a person knows what the OS offers.
 */
export function secretStorageStatus(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
): SecretStorageStatus {
  const backend =
    platform === 'linux' ? (safeStorage.getSelectedStorageBackend?.() ?? 'unknown') : platform;
  if (!safeStorage.isEncryptionAvailable()) {
    return {
      backend,
      secure: false,
      sentence:
        'This computer offers no secure store for secrets: account secrets cannot be saved and must come from the environment.',
    };
  }
  if (backend === 'basic_text' || backend === 'unknown') {
    return {
      backend,
      secure: false,
      sentence:
        'No keyring (GNOME Keyring, KWallet) is running, so the system would keep secrets in a form anyone with your files can read. Outpost will not save secrets this way: start a keyring and restart Outpost.',
    };
  }
  return { backend, secure: true, sentence: '' };
}
