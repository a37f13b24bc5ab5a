import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount } from '../../../electron/core/accounts/repository';
import { CoreContext } from '../../../electron/core/context';
import { createDispatcher } from '../../../electron/core/ipc/dispatch';
import { createHandlers } from '../../../electron/core/ipc/handlers';
import { enqueueMessages } from '../../../electron/core/outbox/enqueue';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let core: CoreContext;
let dispatch: ReturnType<typeof createDispatcher>;
beforeEach(() => {
  dir = tempDir();
  core = new CoreContext({ dataDir: dir.path, version: '1.0.0' });
  dispatch = createDispatcher(createHandlers(core));
});
afterEach(async () => {
  await core.close();
  dir.remove();
});

async function value(channel: Parameters<typeof dispatch>[0], request: unknown) {
  const result = await dispatch(channel, request);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('settings.get / settings.set', () => {
  it('starts from the defaults: the OS language, the OS theme, Spain, no sender', async () => {
    expect(await value('settings.get', {})).toEqual({
      language: null,
      theme: 'system',
      defaultCountry: 'ES',
      defaultSender: '',
    });
  });

  it('keeps what was set across a restart, and leaves the other preferences alone', async () => {
    await value('settings.set', { language: 'es', theme: 'dark' });
    await value('settings.set', { defaultCountry: 'PT' });
    await core.close();
    core = new CoreContext({ dataDir: dir.path, version: '1.0.0' });
    dispatch = createDispatcher(createHandlers(core));
    expect(await value('settings.get', {})).toEqual({
      language: 'es',
      theme: 'dark',
      defaultCountry: 'PT',
      defaultSender: '',
    });
  });

  it('refuses a value it cannot use, naming the field, and keeps the saved one', async () => {
    await value('settings.set', { language: 'es' });
    const refused = await dispatch('settings.set', { language: 'fr' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(JSON.stringify(refused)).toContain('language');
    expect(await value('settings.get', {})).toMatchObject({ language: 'es' });
  });

  it('falls back to the default for a row it cannot read instead of failing', async () => {
    core.db
      .prepare('INSERT INTO preferences (key, value, updated_at) VALUES (?, ?, 0)')
      .run('theme', '"purple"');
    core.db
      .prepare('INSERT INTO preferences (key, value, updated_at) VALUES (?, ?, 0)')
      .run('language', 'not json');
    expect(await value('settings.get', {})).toMatchObject({ theme: 'system', language: null });
  });
});

describe('accounts.remove', () => {
  const account = (name: string) =>
    addAccount(core.db, { name, provider: 'tags', baseUrl: 'http://127.0.0.1:9', secretRef: 'x' });

  it('removes an account with no messages', async () => {
    const { id } = account('Mistake');
    expect(await value('accounts.remove', { accountId: id })).toEqual({ ok: true });
    expect(await value('accounts.list', {})).toEqual([]);
  });

  it('keeps an account whose messages are the record of what was sent, and says why', async () => {
    const { id } = account('Shop');
    enqueueMessages(core.db, [
      {
        accountId: id,
        recipient: '34666555444',
        sender: 'SHOP',
        template: 'hi',
        body: 'hi',
        encoding: 'gsm',
        segments: 1,
        maxParts: 15,
      },
    ]);
    expect(await value('accounts.remove', { accountId: id })).toMatchObject({
      ok: false,
      reason: 'has-messages',
      messages: 1,
    });
    expect(await value('accounts.list', {})).toHaveLength(1);
  });

  it('answers "not found" for an account removed meanwhile', async () => {
    expect(await value('accounts.remove', { accountId: 42 })).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
  });
});
