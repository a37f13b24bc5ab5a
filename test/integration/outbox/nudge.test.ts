import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addAccount } from '../../../electron/core/accounts/repository';
import { CoreContext } from '../../../electron/core/context';
import { createDispatcher, type Dispatch } from '../../../electron/core/ipc/dispatch';
import { createHandlers } from '../../../electron/core/ipc/handlers';
import { OutboxEngine } from '../../../electron/core/outbox/engine';
import { pauseManually } from '../../../electron/core/outbox/pause';
import { MemoryVault } from '../../../electron/core/vault/memory-vault';
import { stateCounts } from '../../helpers/outbox-harness';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let core: CoreContext;
let dispatch: Dispatch;
let accountId: number;
let logged: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  dir = tempDir('outpost-nudge-');
  const vault = new MemoryVault();
  core = new CoreContext({ dataDir: dir.path, version: 'test', vault, secretStore: vault });
  // An account nothing answers for: the rows stay where the handlers put them.
  accountId = addAccount(core.db, {
    name: 'Offline',
    provider: 'nrs',
    baseUrl: 'http://127.0.0.1:9',
    username: 'u',
    secretRef: vault.store('offline', 'p'),
  }).id;
  pauseManually(core.db, accountId);
  core.outbox.start();
  dispatch = createDispatcher(createHandlers(core));
  // The nudge after the commit fails, as the chained wake did after hours of idling.
  vi.spyOn(OutboxEngine.prototype, 'wake').mockImplementation(() => {
    throw new RangeError('Maximum call stack size exceeded');
  });
  logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await core.close();
  dir.remove();
});

const send = () =>
  dispatch('outbox.send', { accountId, to: '+34600111222', from: 'SHOP', text: 'Hi' });

describe('a change saved before the outbox is nudged', () => {
  it('a send is answered "queued" with its id when the nudge fails, and the failure is logged', async () => {
    const reply = await send();
    expect(reply).toMatchObject({ ok: true, value: { ok: true, segments: 1 } });
    expect(stateCounts(core.db)).toEqual({ queued: 1 });
    expect(String(logged.mock.calls[0]?.[0])).toMatch(/could not wake the outbox.*call stack/s);
  });

  it('cancel, retry and resume report what they saved when the nudge fails', async () => {
    const first = await send();
    const id = first.ok ? (first.value as { id: number }).id : 0;
    expect(await dispatch('outbox.cancel', { id })).toEqual({ ok: true, value: { ok: true } });
    expect(stateCounts(core.db)).toEqual({ cancelled: 1 });

    core.db.prepare(`UPDATE messages SET state = 'failed' WHERE id = ?`).run(id);
    expect(await dispatch('outbox.retry', { id })).toEqual({ ok: true, value: { ok: true } });
    expect(stateCounts(core.db)).toEqual({ queued: 1 });

    expect(await dispatch('accounts.resume', { accountId })).toEqual({
      ok: true,
      value: { resumed: true, reason: null },
    });
  });
});
