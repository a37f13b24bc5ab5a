import { describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../electron/core/events/bus';
import type { EventPayload } from '../../../shared/ipc/events';

const paused: EventPayload<'account.paused'> = {
  accountId: 1,
  code: 112,
  reason: 'Allow 203.0.113.9 in the provider settings.',
  byPerson: false,
};

describe('the core event bus', () => {
  it('hands each event, typed, to every subscriber', () => {
    const bus = new EventBus({ validate: true });
    const seen: [string, unknown][] = [];
    bus.subscribe((name, payload) => seen.push([name, payload]));
    bus.subscribe((name) => seen.push([`second ${name}`, null]));
    bus.emit('account.paused', paused);
    bus.emit('account.resumed', { accountId: 1 });
    expect(seen).toEqual([
      ['account.paused', paused],
      ['second account.paused', null],
      ['account.resumed', { accountId: 1 }],
      ['second account.resumed', null],
    ]);
  });

  it('refuses a payload that does not match the schema, naming the event and the field', () => {
    const bus = new EventBus({ validate: true });
    const listener = vi.fn();
    bus.subscribe(listener);
    const wrong = { accountId: 'one' } as unknown as EventPayload<'account.resumed'>;
    expect(() => bus.emit('account.resumed', wrong)).toThrow(
      'Event account.resumed has an invalid payload (accountId).',
    );
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops delivering after unsubscribe, and cycles of subscribe/unsubscribe leave no listener behind', () => {
    const bus = new EventBus({ validate: true });
    const listener = vi.fn();
    const first = bus.subscribe(listener);
    const second = bus.subscribe(listener);
    first();
    first();
    bus.emit('accounts.changed', {});
    expect(listener).toHaveBeenCalledTimes(1);
    second();
    for (let i = 0; i < 10_000; i++) bus.subscribe(() => {})();
    expect(bus.listenerCount).toBe(0);
    bus.emit('accounts.changed', {});
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps delivering to the others when one listener throws', () => {
    const errors: unknown[] = [];
    const bus = new EventBus({ validate: true, onListenerError: (e) => errors.push(e) });
    const after = vi.fn();
    bus.subscribe(() => {
      throw new Error('broken screen');
    });
    bus.subscribe(after);
    bus.emit('suppressions.changed', {});
    expect(after).toHaveBeenCalledOnce();
    expect(errors).toEqual([new Error('broken screen')]);
  });
});
