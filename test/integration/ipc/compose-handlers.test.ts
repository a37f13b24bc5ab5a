import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount } from '../../../electron/core/accounts/repository';
import { CoreContext } from '../../../electron/core/context';
import { createDispatcher } from '../../../electron/core/ipc/dispatch';
import { createHandlers } from '../../../electron/core/ipc/handlers';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let core: CoreContext;
let call: ReturnType<typeof createDispatcher>;
let accountId: number;
beforeEach(() => {
  dir = tempDir();
  core = new CoreContext({ dataDir: dir.path, version: '1.0.0' });
  call = createDispatcher(createHandlers(core));
  accountId = addAccount(core.db, {
    name: 'Clinic',
    provider: 'nrs',
    baseUrl: 'http://127.0.0.1:9',
    username: 'u',
    secretRef: 'env:NOPE',
  }).id;
});
afterEach(async () => {
  await core.close();
  dir.remove();
});

async function value<T>(channel: string, payload: unknown): Promise<T> {
  const r = await call(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

describe('compose.* over IPC', () => {
  it('compose.resolve answers recipients, duplicates and the rules’ check of the text', async () => {
    core.db
      .prepare(
        'INSERT INTO suppressions (account_id, phone, reason, detail, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(accountId, '34611000009', 'manual', 'asked', 0);
    const reply = await value<{
      ok: true;
      recipients: { key: string; suppressed: unknown; problem: string | null }[];
      duplicates: { e164: string; times: number }[];
      check: { leftOut: { key: string; code: string }[] };
    }>('compose.resolve', {
      accountId,
      numbers: ['+34611000001', '0034 611 000 001', '+34611000009', '12'],
      text: 'Hi {first_name}',
      defaultCountry: 'ES',
    });
    expect(reply.recipients.map((r) => r.key)).toEqual(['34611000001', '34611000009', '?12']);
    expect(reply.duplicates).toEqual([{ key: '34611000001', e164: '+34611000001', times: 2 }]);
    expect(reply.recipients[1]?.suppressed).not.toBeNull();
    // Only the sendable recipient is in the check: it has no first name to merge.
    expect(reply.check.leftOut).toMatchObject([{ key: '34611000001', code: 'missing-field' }]);
  });

  it('compose.send refuses a bad sender naming the field, and queues nothing', async () => {
    const reply = await value<{ ok: false; field: string }>('compose.send', {
      accountId,
      numbers: ['+34611000001', '+34611000002'],
      from: '',
      text: 'Hi',
    });
    expect(reply).toMatchObject({ ok: false, field: 'from' });
    expect(core.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0);
  });

  it('compose.send rejects a payload outside its schema before any work', async () => {
    const r = await call('compose.send', {
      accountId,
      from: 'X',
      text: 'Hi',
      numbers: 'not a list',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('bad-request');
  });
});

describe('drafts.* over IPC', () => {
  it('keeps several drafts named by their first words, newest first, and brings a deleted one back', async () => {
    const state = { chips: [{ kind: 'number', input: '+34611000001' }], from: 'CLINIC' };
    const first = await value<{ id: number }>('drafts.save', {
      body: 'Reminder: your appointment is tomorrow at 10:00 in the north clinic',
      state,
    });
    await new Promise((r) => setTimeout(r, 5));
    const second = await value<{ id: number }>('drafts.save', {
      body: 'Closed on Friday',
      state: {},
    });
    const list = await value<{ id: number; name: string; state: { chips: unknown[] } }[]>(
      'drafts.list',
      {},
    );
    expect(list.map((d) => d.name)).toEqual([
      'Closed on Friday',
      'Reminder: your appointment is tomorrow at…',
    ]);
    expect(list[1]?.state.chips).toEqual(state.chips);

    const { removed } = await value<{ removed: { id: number; body: string; createdAt: number } }>(
      'drafts.remove',
      { id: first.id },
    );
    expect((await value<unknown[]>('drafts.list', {})).length).toBe(1);
    // Undo: saved again under its own id.
    await value('drafts.save', {
      id: removed.id,
      body: removed.body,
      state,
      createdAt: removed.createdAt,
    });
    const back = await value<{ id: number }[]>('drafts.list', {});
    expect(back.map((d) => d.id).sort()).toEqual([first.id, second.id].sort());
  });

  it('a draft survives closing and reopening the profile', async () => {
    await value('drafts.save', { body: 'Kept across restarts', state: {} });
    await core.close();
    core = new CoreContext({ dataDir: dir.path, version: '1.0.0' });
    call = createDispatcher(createHandlers(core));
    const list = await value<{ body: string }[]>('drafts.list', {});
    expect(list.map((d) => d.body)).toEqual(['Kept across restarts']);
  });
});
