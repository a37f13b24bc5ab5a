import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/ipc/channel-names';
import { contract } from '../../../shared/ipc/contract';
import { EVENT_NAMES, isEventName } from '../../../shared/ipc/event-names';
import { events } from '../../../shared/ipc/events';

// The types already require every name to have a schema and no schema without a name;
// these catch what they cannot: a name listed twice.
describe('the names the clients build window.outpost from', () => {
  it('are the contract channels, each once', () => {
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNEL_NAMES.length);
    expect([...CHANNEL_NAMES].sort()).toEqual(Object.keys(contract).sort());
  });

  it('are the events with a schema, each once', () => {
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length);
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(events).sort());
    for (const name of ['toString', 'constructor', '__proto__', 'outbox', 'outbox.changed ']) {
      expect(isEventName(name), name).toBe(false);
    }
  });
});
