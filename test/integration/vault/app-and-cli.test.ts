import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CoreContext, createDispatcher, createHandlers } from '../../../electron/core';
import type { CredentialStore } from '../../../electron/core/vault/credential-store';
import { MemoryVault } from '../../../electron/core/vault/memory-vault';
import { VaultService } from '../../../electron/core/vault/vault-service';
import { type SandboxHandle, startSandbox } from '../../../electron/sandbox';
import { addNrsAccountArgs, runCli } from '../../helpers/cli';
import {
  fakeCredentialStore,
  fakeKeyringEnv,
  refusingCredentialStore,
} from '../../helpers/fake-credential-store';
import { tempDir } from '../../helpers/temp-dir';

const SECRET = 'Vx3-shared-vault-secret-91c2';
const PASSPHRASE = 'a passphrase for the vault file';

interface Store {
  name: string;
  /** The OS store as this process sees it. */
  credentials: (keyringFile: string) => CredentialStore;
  /** What a CLI process needs to reach the same store; never the account's secret. */
  cliEnv: (keyringFile: string) => NodeJS.ProcessEnv;
  vaultOption: string;
  refPrefix: string;
}

const stores: Store[] = [
  {
    name: 'the OS credential store (a test double)',
    credentials: fakeCredentialStore,
    cliEnv: fakeKeyringEnv,
    vaultOption: 'os',
    refPrefix: 'keyring:',
  },
  {
    name: 'the passphrase file (no OS store)',
    credentials: () => refusingCredentialStore,
    cliEnv: () => ({ OUTPOST_VAULT_PASSPHRASE: PASSPHRASE }),
    vaultOption: 'passphrase-file',
    refPrefix: 'file:',
  },
];

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({
    demoData: false,
    credentials: { nrs: { username: 'team', password: SECRET } },
  });
});
afterAll(() => sandbox.close());

let dir: ReturnType<typeof tempDir>;
let keyringDir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir('outpost-vault-');
  // The OS store's double lives outside the data folder, as the real one does.
  keyringDir = tempDir('outpost-keyring-');
});
afterEach(() => {
  dir.remove();
  keyringDir.remove();
});

/** The app's core, put together as electron/main does, with the given OS store. */
function appCore(store: Store): CoreContext {
  return new CoreContext({
    dataDir: dir.path,
    version: '0.0.0-test',
    vault: new MemoryVault(),
    vaults: new VaultService({
      dataDir: dir.path,
      credentials: store.credentials(join(keyringDir.path, 'keyring.json')),
      env: {},
    }),
  });
}

type Dispatch = ReturnType<typeof createDispatcher>;

/** What the person does in Settings when the vault asks: the passphrase file needs its passphrase. */
async function answerVault(dispatch: Dispatch, store: Store): Promise<void> {
  const status = (await dispatch('vault.status', {})) as {
    ok: true;
    value: { choiceNeeded: boolean; locked: boolean };
  };
  const mustAnswer = store.vaultOption === 'passphrase-file';
  expect(status.value.choiceNeeded || status.value.locked).toBe(mustAnswer);
  if (!mustAnswer) return;
  const chosen = await dispatch('vault.choose', {
    store: 'passphrase-file',
    passphrase: PASSPHRASE,
  });
  expect(chosen).toMatchObject({ ok: true, value: { store: 'passphrase-file', locked: false } });
}

async function waitForLedger(to: string): Promise<boolean> {
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    if (sandbox.ledger().some((e) => e.to === to)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe.each(stores)('one vault for the app and the CLI: $name', (store) => {
  it('an account added by the CLI sends from the app’s core, which never sees the variable', async () => {
    const cliEnv = store.cliEnv(join(keyringDir.path, 'keyring.json'));
    const add = await runCli(
      [
        '--data-dir',
        dir.path,
        ...addNrsAccountArgs(
          'FromCli',
          { baseUrl: sandbox.apis.nrs.baseUrl, username: 'team' },
          'NRS_SECRET',
        ),
        '--vault',
        store.vaultOption,
      ],
      { ...cliEnv, NRS_SECRET: SECRET },
    );
    expect(add.code, add.stderr).toBe(0);

    const core = appCore(store);
    try {
      await core.open();
      const dispatch = createDispatcher(createHandlers(core));
      await answerVault(dispatch, store);
      const accounts = (await dispatch('accounts.list', {})) as {
        ok: true;
        value: { id: number; name: string }[];
      };
      const account = accounts.value.find((a) => a.name === 'FromCli');
      expect(
        core.db.prepare('SELECT secret_ref FROM accounts WHERE name = ?').pluck().get('FromCli'),
      ).toMatch(new RegExp(`^${store.refPrefix}`));
      const to = store.vaultOption === 'os' ? '34600000001' : '34600000002';
      const sent = await dispatch('outbox.send', {
        accountId: account?.id ?? 0,
        to: `+${to}`,
        from: 'SHOP',
        text: 'From the app',
      });
      expect(sent.ok, JSON.stringify(sent)).toBe(true);
      core.startBackground();
      expect(await waitForLedger(to)).toBe(true);
    } finally {
      await core.close();
    }
  }, 120_000);

  it('an account added in the app sends from the CLI, which is given no secret', async () => {
    const core = appCore(store);
    try {
      await core.open();
      const dispatch = createDispatcher(createHandlers(core));
      if (store.vaultOption === 'passphrase-file') {
        // Before the person chooses, the form says why it cannot keep the secret.
        const refused = await dispatch('accounts.add', {
          name: 'FromApp',
          provider: 'nrs',
          baseUrl: sandbox.apis.nrs.baseUrl,
          username: 'team',
          secret: SECRET,
        });
        expect(refused).toMatchObject({
          ok: true,
          value: { ok: false, message: expect.stringMatching(/no credential store/) },
        });
      }
      await answerVault(dispatch, store);
      const added = await dispatch('accounts.add', {
        name: 'FromApp',
        provider: 'nrs',
        baseUrl: sandbox.apis.nrs.baseUrl,
        username: 'team',
        secret: SECRET,
      });
      expect(added, JSON.stringify(added)).toMatchObject({ ok: true, value: { ok: true } });
    } finally {
      await core.close();
    }
    const cliEnv = store.cliEnv(join(keyringDir.path, 'keyring.json'));
    const to = store.vaultOption === 'os' ? '34600000003' : '34600000004';
    const send = await runCli(
      [
        '--data-dir',
        dir.path,
        'send',
        '--account',
        'FromApp',
        '--to',
        `+${to}`,
        '--from',
        'SHOP',
        '--text',
        'From the CLI',
      ],
      cliEnv,
    );
    expect(send.code, send.stderr).toBe(0);
    const drain = await runCli(
      ['--data-dir', dir.path, 'outbox', 'drain', '--timeout', '20'],
      cliEnv,
    );
    expect(drain.code, drain.stderr).toBe(0);
    expect(sandbox.ledger().some((e) => e.to === to)).toBe(true);
  }, 120_000);
});
