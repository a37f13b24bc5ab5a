import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VaultService } from '../../../electron/core/vault/vault-service';
import { fakeCredentialStore, refusingCredentialStore } from '../../helpers/fake-credential-store';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

describe('the vault the app and the CLI share', () => {
  it('with a working OS store, keeps new secrets there without asking', () => {
    const credentials = fakeCredentialStore(join(dir.path, 'keyring.json'));
    const vault = new VaultService({ dataDir: dir.path, credentials, env: {} });
    expect(vault.status()).toMatchObject({ store: 'os', choiceNeeded: false, locked: false });
    const ref = vault.store('account-1', 'the-secret');
    expect(ref).toBe('keyring:account-1');
    expect(new VaultService({ dataDir: dir.path, credentials, env: {} }).read(ref)).toBe(
      'the-secret',
    );
  });

  it('with no OS store, asks for a choice and never falls back to plain text by itself', () => {
    const vault = new VaultService({
      dataDir: dir.path,
      credentials: refusingCredentialStore,
      env: {},
    });
    expect(vault.status()).toMatchObject({
      store: null,
      osStoreAvailable: false,
      choiceNeeded: true,
    });
    expect(() => vault.store('account-1', 'the-secret')).toThrow(
      /choose the passphrase-protected vault file .*--vault passphrase-file/,
    );
    expect(() => vault.choose('os')).toThrow(/does not answer/);
  });

  it('the passphrase file, once chosen, is the store for every process; locked until its passphrase is given', () => {
    const first = new VaultService({
      dataDir: dir.path,
      credentials: refusingCredentialStore,
      env: {},
    });
    expect(first.choose('passphrase-file', 'a long passphrase')).toMatchObject({
      store: 'passphrase-file',
      locked: false,
      weak: false,
    });
    const ref = first.store('account-1', 'the-secret');
    expect(ref).toBe('file:account-1');

    const later = new VaultService({
      dataDir: dir.path,
      credentials: refusingCredentialStore,
      env: {},
    });
    expect(later.status()).toMatchObject({ store: 'passphrase-file', locked: true });
    expect(later.read(ref)).toBeUndefined();
    expect(() => later.choose('passphrase-file', 'not the passphrase')).toThrow(/does not open/);
    later.unlock('a long passphrase');
    expect(later.read(ref)).toBe('the-secret');

    const script = new VaultService({
      dataDir: dir.path,
      credentials: refusingCredentialStore,
      env: { OUTPOST_VAULT_PASSPHRASE: 'a long passphrase' },
    });
    expect(script.read(ref)).toBe('the-secret');
  });

  it('reports a short passphrase as weak', () => {
    const vault = new VaultService({
      dataDir: dir.path,
      credentials: refusingCredentialStore,
      env: {},
    });
    expect(vault.choose('passphrase-file', 'eight ch')).toMatchObject({ weak: true });
  });

  it('still reads env: references, for scripts', () => {
    const vault = new VaultService({
      dataDir: dir.path,
      credentials: refusingCredentialStore,
      env: { NRS: 'from-env' },
    });
    expect(vault.read('env:NRS')).toBe('from-env');
  });
});
