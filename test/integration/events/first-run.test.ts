import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedSandbox } from '../../../electron/core/accounts/embedded-sandbox';
import { addAccount, listAccounts } from '../../../electron/core/accounts/repository';
import { CoreContext } from '../../../electron/core/context';
import { countContacts } from '../../../electron/core/sync/contacts/search';
import { MemoryVault } from '../../../electron/core/vault/memory-vault';
import { type SandboxHandle, startSandbox } from '../../../electron/sandbox';
import type { EventName } from '../../../shared/ipc/events';
import { tempDir } from '../../helpers/temp-dir';

const dir = tempDir('outpost-first-run-');
const running: { core: CoreContext; sandbox: SandboxHandle | null }[] = [];

/** Starts the core as a shell does, recording the events it emits. */
async function startShell() {
  const memory = new MemoryVault();
  const core = new CoreContext({ dataDir: dir.path, version: '0.0.0', vault: memory });
  const seen: { name: EventName; payload: unknown }[] = [];
  core.events.bus.subscribe((name, payload) => seen.push({ name, payload }));
  const sandbox = await startEmbeddedSandbox(core, memory, () => startSandbox({ seed: 7 }));
  running.push({ core, sandbox });
  return { core, sandbox, seen };
}

async function stop(): Promise<void> {
  for (const { core, sandbox } of running.splice(0)) {
    await core.close();
    await sandbox?.close();
  }
}

afterEach(stop);
afterAll(() => dir.remove());

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
}

describe('the first run', () => {
  it('syncs the Sandbox demo contacts by itself, in the background, announcing it', async () => {
    const { core, seen } = await startShell();
    const [account] = listAccounts(core.db);
    expect(account?.name).toBe('Sandbox');
    // start-up returned before the sync finished: it runs in the background.
    expect(
      seen.some(
        (s) => s.name === 'sync.state' && (s.payload as { phase: string }).phase === 'finished',
      ),
    ).toBe(false);
    await until(() => seen.some((s) => (s.payload as { phase?: string }).phase === 'finished'));
    const phases = seen
      .filter((s) => s.name === 'sync.state')
      .map((s) => (s.payload as { phase: string }).phase);
    expect(phases[0]).toBe('started');
    expect(phases.at(-1)).toBe('finished');
    await until(() => seen.some((s) => s.name === 'contacts.changed'));
    expect(seen).toContainEqual({ name: 'contacts.changed', payload: { accountId: account?.id } });
    // README: "a few hundred demo contacts".
    expect(countContacts(core.db, account?.id)).toBeGreaterThanOrEqual(100);
  });

  it('does not sync again at later starts, nor run the Sandbox once the person has an account of their own', async () => {
    const later = await startShell();
    await new Promise((r) => setTimeout(r, 300));
    expect(later.seen.filter((s) => s.name === 'sync.state')).toEqual([]);
    await stop();

    const fresh = tempDir('outpost-first-run-own-');
    const memory = new MemoryVault();
    const core = new CoreContext({ dataDir: fresh.path, version: '0.0.0', vault: memory });
    addAccount(core.db, {
      name: 'Shop',
      provider: 'nrs',
      baseUrl: 'http://127.0.0.1:9/nrs',
      username: 'u',
      secretRef: 'env:NONE',
    });
    const seen: EventName[] = [];
    core.events.bus.subscribe((name) => seen.push(name));
    expect(await startEmbeddedSandbox(core, memory, () => startSandbox())).toBeNull();
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).not.toContain('sync.state');
    await core.close();
    fresh.remove();
  });
});
