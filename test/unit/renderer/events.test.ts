import { beforeEach, describe, expect, it, vi } from 'vitest';
import { subscribeToCore } from '../../../renderer/src/app/events';
import { laterStore } from '../../../renderer/src/app/later-store';
import { useNav } from '../../../renderer/src/app/nav-store';
import { useAccounts } from '../../../renderer/src/features/accounts/store';
import { useContactsImport } from '../../../renderer/src/features/contacts/import/store';
import { useOutbox } from '../../../renderer/src/features/outbox/store';
import { coalesce } from '../../../renderer/src/lib/latest';
import { buildOutpostApi } from '../../../shared/ipc/client';
import type { Channel } from '../../../shared/ipc/contract';

/** A window.outpost over a fake transport: counts calls, and lets the test push events. */
function fakeOutpost() {
  const calls: Channel[] = [];
  let deliver: (name: string, payload: unknown) => void = () => {};
  const api = buildOutpostApi(
    async (channel) => {
      calls.push(channel);
      if (channel === 'outbox.list') return { ok: true, value: [] };
      if (channel === 'outbox.status')
        return { ok: true, value: { counts: { queued: 1 }, paused: [] } };
      if (channel === 'accounts.list') return { ok: true, value: [] };
      return { ok: true, value: {} };
    },
    (d) => {
      deliver = d;
    },
  );
  (globalThis as { window?: unknown }).window = { outpost: api };
  return { api, calls, push: (name: string, payload: unknown) => deliver(name, payload) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  useOutbox.setState({ watching: false, counts: null, messages: [] });
  useAccounts.setState({ accounts: [] });
});

describe('the one subscription to the core', () => {
  it('opens the view the app menu or a notification asks for, without a call', async () => {
    const { api, calls, push } = fakeOutpost();
    const off = subscribeToCore(api);
    useNav.setState({ view: 'compose' });
    push('app.navigate', { view: 'settings' });
    expect(useNav.getState().view).toBe('settings');
    push('app.navigate', { view: 'import' });
    // The import store loads on its first use, so the view changes once it has.
    await vi.waitFor(() => expect(useNav.getState().view).toBe('contacts'));
    // …and asks Contacts for the import dialog, which it opens once (takeRequest clears it).
    expect(useContactsImport.getState().takeRequest()).toBe(true);
    expect(useContactsImport.getState().takeRequest()).toBe(false);
    await flush();
    expect(calls).toEqual([]);
    off();
  });

  it('makes no call while nothing happens, and none for a view nobody is looking at', async () => {
    const { api, calls, push } = fakeOutpost();
    const off = subscribeToCore(api);
    await flush();
    expect(calls).toEqual([]);
    push('outbox.changed', { counts: { queued: 3 }, ids: [1] });
    await flush();
    expect(useOutbox.getState().counts).toEqual({ queued: 3 });
    expect(calls).toEqual([]);
    off();
  });

  it('fetches a shown view once per burst of hints, not once per hint', async () => {
    const { api, calls, push } = fakeOutpost();
    const off = subscribeToCore(api);
    await useOutbox.getState().load();
    calls.length = 0;
    for (let i = 0; i < 20; i++) push('outbox.changed', { counts: { queued: i }, ids: [i] });
    await flush();
    await flush();
    // One fetch in flight plus one for what changed meanwhile: list + status each.
    expect(calls.filter((c) => c === 'outbox.list').length).toBeLessThanOrEqual(2);
    off();
  });

  it('puts a pause on the account it names without asking the core', async () => {
    const { api, calls, push } = fakeOutpost();
    useAccounts.setState({
      accounts: [
        {
          id: 7,
          name: 'Shop',
          provider: 'nrs',
          baseUrl: 'x',
          paused: null,
          lastOkIp: null,
          sandbox: false,
        },
      ],
    });
    const off = subscribeToCore(api);
    push('account.paused', { accountId: 7, code: 112, reason: 'Allow it', byPerson: false });
    expect(useAccounts.getState().accounts[0]?.paused).toMatchObject({
      code: '112',
      reason: 'Allow it',
    });
    push('account.resumed', { accountId: 7 });
    expect(useAccounts.getState().accounts[0]?.paused).toBeNull();
    expect(calls).toEqual([]);
    off();
    // Unsubscribed: later events change nothing.
    push('account.paused', { accountId: 7, code: 103, reason: 'No', byPerson: false });
    expect(useAccounts.getState().accounts[0]?.paused).toBeNull();
  });
});

describe('the stores of views that load on demand', () => {
  it('a notification for a job opens that job before the Jobs view shows, once its store has loaded', async () => {
    const { api, push } = fakeOutpost();
    const off = subscribeToCore(api);
    useNav.setState({ view: 'compose' });
    push('app.navigate', { view: 'jobs', jobId: 42 });
    // The jobs store comes with its view's chunk, so the switch waits for it.
    await vi.waitFor(() => expect(useNav.getState().view).toBe('jobs'));
    const { useJobs } = await import('../../../renderer/src/features/jobs/store');
    expect(useJobs.getState().selected).toBe(42);
    off();
  });

  it('hands every event to a store loaded later, in the order they came, and none after unsubscribing', async () => {
    let release: (m: { seen: number[] }) => void = () => {};
    const module = { seen: [] as number[] };
    const store = laterStore(() => new Promise<{ seen: number[] }>((r) => (release = r)));
    for (const n of [1, 2, 3]) store.use((m) => m.seen.push(n));
    expect(module.seen).toEqual([]);
    release(module);
    await flush();
    store.use((m) => m.seen.push(4));
    // Once loaded, a delivery is immediate.
    expect(module.seen).toEqual([1, 2, 3, 4]);

    // The contacts store has not been loaded in this file yet: its first events wait for it.
    const { api, push } = fakeOutpost();
    const off = subscribeToCore(api);
    push('sync.state', { accountId: 3, phase: 'started' });
    push('sync.state', { accountId: 3, phase: 'progress', done: 5, total: 9 });
    const { useContacts } = await import('../../../renderer/src/features/contacts/store');
    await vi.waitFor(() =>
      expect(useContacts.getState().progress[3]).toEqual({ phase: 'progress', done: 5, total: 9 }),
    );
    off();
    push('sync.state', { accountId: 3, phase: 'failed', error: 'x' });
    expect(useContacts.getState().progress[3]).toMatchObject({ phase: 'progress' });
  });
});

describe('coalesce', () => {
  it('runs once more at most, however many asks arrive during a run', async () => {
    let runs = 0;
    let release: () => void = () => {};
    const refresh = coalesce(async () => {
      runs++;
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    const first = refresh();
    for (let i = 0; i < 10; i++) void refresh();
    release();
    await flush();
    release();
    await first;
    expect(runs).toBe(2);
  });
});
