import { describe, expect, it, vi } from 'vitest';
import { buildOutpostApi, type EventSource } from '../../../shared/ipc/client';
import type { EventName } from '../../../shared/ipc/events';

/** A fake transport: what the preload's ipcRenderer.on or the web bridge's socket would deliver. */
function fakeTransport() {
  let deliver: (name: string, payload: unknown) => void = () => {};
  const source: EventSource = (d) => {
    deliver = d;
  };
  const api = buildOutpostApi(async () => ({ ok: true, value: null }), source);
  return { api, push: (name: string, payload: unknown) => deliver(name, payload) };
}

describe('window.outpost.on over a transport', () => {
  it('hands a listener the payloads of its event only', () => {
    const { api, push } = fakeTransport();
    const changed = vi.fn();
    const resumed = vi.fn();
    api.on('outbox.changed', changed);
    api.on('account.resumed', resumed);
    push('outbox.changed', { counts: { queued: 2 }, ids: [7, 8] });
    expect(changed).toHaveBeenCalledWith({ counts: { queued: 2 }, ids: [7, 8] });
    expect(resumed).not.toHaveBeenCalled();
  });

  it('drops names it does not know; payloads pass as main sent them (main checks them)', () => {
    const { api, push } = fakeTransport();
    const changed = vi.fn();
    api.on('outbox.changed', changed);
    push('outbox.exploded', { counts: {}, ids: [] });
    expect(changed).not.toHaveBeenCalled();
    const payload = { counts: { sent: 1 }, ids: [] };
    push('outbox.changed', payload);
    expect(changed).toHaveBeenCalledWith(payload);
  });

  it('stops after unsubscribe; the same function subscribed twice needs two', () => {
    const { api, push } = fakeTransport();
    const listener = vi.fn();
    const first = api.on('accounts.changed', listener);
    const second = api.on('accounts.changed', listener);
    push('accounts.changed', {});
    expect(listener).toHaveBeenCalledTimes(2);
    first();
    first();
    push('accounts.changed', {});
    expect(listener).toHaveBeenCalledTimes(3);
    second();
    push('accounts.changed', {});
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('keeps delivering to later listeners when one throws', async () => {
    const { api, push } = fakeTransport();
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    const after = vi.fn();
    api.on('suppressions.changed', () => {
      throw new Error('broken store');
    });
    api.on('suppressions.changed', after);
    push('suppressions.changed', {});
    expect(after).toHaveBeenCalledOnce();
    await new Promise((r) => setTimeout(r, 0));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).toHaveBeenCalledOnce();
  });

  it('refuses to subscribe to an event the contract does not have', () => {
    const { api } = fakeTransport();
    expect(() => api.on('nope' as EventName, () => {})).toThrow('There is no event named nope.');
  });

  it('exists without an event source (never fires)', () => {
    const api = buildOutpostApi(async () => ({ ok: true, value: null }));
    expect(typeof api.on('accounts.changed', () => {})).toBe('function');
  });
});
