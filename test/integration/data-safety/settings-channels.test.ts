import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreContext, createDispatcher, createHandlers } from '../../../electron/core';
import { MemoryVault } from '../../../electron/core/vault/memory-vault';
import { VaultService } from '../../../electron/core/vault/vault-service';
import { refusingCredentialStore } from '../../helpers/fake-credential-store';
import { tempDir } from '../../helpers/temp-dir';
import { addDrafts, countDrafts } from './profile-fixture';

let dir: ReturnType<typeof tempDir>;
let core: CoreContext;
beforeEach(() => {
  dir = tempDir();
  core = new CoreContext({
    dataDir: dir.path,
    version: '0.0.0-test',
    vault: new MemoryVault(),
    vaults: new VaultService({ dataDir: dir.path, credentials: refusingCredentialStore, env: {} }),
  });
});
afterEach(async () => {
  await core.close();
  dir.remove();
});

function ok<T>(result: unknown): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { value: T }).value;
}

describe('the channels of the Settings screen', () => {
  it('list the start’s daily backup and one made on request, newest first, with the folder', async () => {
    await core.open();
    const dispatch = createDispatcher(createHandlers(core));
    const made = ok<{ name: string; reason: string }>(await dispatch('backups.create', {}));
    expect(made.reason).toBe('manual');
    const list = ok<{
      folder: string;
      kept: number;
      backups: { name: string; reason: string }[];
      stagedRestore: null;
    }>(await dispatch('backups.list', {}));
    expect(list.folder).toBe(`${dir.path}/backups`);
    expect(list.kept).toBe(7);
    expect(list.backups.map((b) => b.reason)).toEqual(['manual', 'daily']);
    expect(list.stagedRestore).toBeNull();
  });

  it('stage a restore, said in the reply, and done by the next start with the current data kept', async () => {
    await core.open();
    const dispatch = createDispatcher(createHandlers(core));
    addDrafts(core.db, 5, 'in the backup');
    const backup = ok<{ name: string }>(await dispatch('backups.create', {}));
    addDrafts(core.db, 3, 'after it');
    const staged = ok<{ staged: true; sentence: string }>(
      await dispatch('backups.restore', { name: backup.name }),
    );
    expect(staged.sentence).toMatch(
      /will be restored when Outpost next starts, after a backup of the current data/,
    );
    // Nothing changes under the running app.
    expect(countDrafts(core.db)).toBe(8);
    expect(ok<{ stagedRestore: string }>(await dispatch('backups.list', {})).stagedRestore).toBe(
      backup.name,
    );
    await core.close();

    const next = new CoreContext({ dataDir: dir.path, version: '0.0.0-test' });
    const notices = await next.open();
    expect(notices).toEqual([
      expect.stringMatching(
        new RegExp(`The backup ${backup.name} was restored; the data it replaced is in`),
      ),
    ]);
    expect(countDrafts(next.db)).toBe(5);
    await next.close();
  });

  it('refuse a backup name that is not in the folder', async () => {
    const dispatch = createDispatcher(createHandlers(core));
    const result = await dispatch('backups.restore', {
      name: 'outpost-20260101T000000000Z-daily.sqlite',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/no backup named/) },
    });
    const bad = await dispatch('backups.restore', { name: '../outpost.sqlite' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('say a vault choice is needed where the OS store does not answer, and take it', async () => {
    const dispatch = createDispatcher(createHandlers(core));
    expect(ok(await dispatch('vault.status', {}))).toMatchObject({
      store: null,
      choiceNeeded: true,
      osStoreAvailable: false,
    });
    const refused = await dispatch('vault.choose', { store: 'os' });
    expect(refused).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/does not answer/) },
    });
    const chosen = ok(
      await dispatch('vault.choose', {
        store: 'passphrase-file',
        passphrase: 'long enough passphrase',
      }),
    );
    expect(chosen).toMatchObject({
      store: 'passphrase-file',
      choiceNeeded: false,
      locked: false,
      file: `${dir.path}/vault-secrets.json`,
    });
  });
});
