import { resolve } from 'node:path';
import {
  CREDENTIAL_SERVICE,
  type CredentialStore,
} from '../../electron/core/vault/credential-store';

/** How a CLI child is pointed at the same fake store (see fake-keyring.cjs). */
export function fakeKeyringEnv(file: string): NodeJS.ProcessEnv {
  const preload = resolve(__dirname, 'fake-keyring.cjs');
  return { OUTPOST_FAKE_KEYRING: file, NODE_OPTIONS: `--require ${preload}` };
}

/** The OS store double for this process, over the file a CLI child uses too. */
export function fakeCredentialStore(file: string): CredentialStore {
  const { entryClass } = require('./fake-keyring.cjs') as {
    entryClass: (file: string) => new (
      service: string,
      user: string,
    ) => {
      getPassword(): string | null;
      setPassword(secret: string): void;
      deletePassword(): boolean;
    };
  };
  const Entry = entryClass(file);
  return {
    get: (key) => new Entry(CREDENTIAL_SERVICE, key).getPassword(),
    set: (key, secret) => new Entry(CREDENTIAL_SERVICE, key).setPassword(secret),
    remove: (key) => {
      new Entry(CREDENTIAL_SERVICE, key).deletePassword();
    },
  };
}

/** An OS store that answers as these machines' does: every call refused. */
export const refusingCredentialStore: CredentialStore = {
  get: () => {
    throw new Error("Couldn't access platform storage: AccessDenied");
  },
  set: () => {
    throw new Error("Couldn't access platform storage: AccessDenied");
  },
  remove: () => {
    throw new Error("Couldn't access platform storage: AccessDenied");
  },
};

/** An OS store double held in memory, for the e2e bridge's Settings screen. */
export function memoryCredentialStore(): CredentialStore {
  const entries = new Map<string, string>();
  return {
    get: (key) => entries.get(key) ?? null,
    set: (key, secret) => {
      entries.set(key, secret);
    },
    remove: (key) => {
      entries.delete(key);
    },
  };
}
