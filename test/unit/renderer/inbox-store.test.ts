import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeNewest, threadFor } from '../../../renderer/src/features/conversations/store';
import type { InboxItem, InboxThread } from '../../../shared/ipc/schemas/inbox';

const item = (n: number): InboxItem => ({
  id: `wa:${n}`,
  kind: 'message',
  direction: 'inbound',
  text: `m${n}`,
  at: n * 1_000,
  state: 'received',
  errorText: null,
  segments: null,
  outboxId: null,
  whatsAppId: n,
  template: false,
});
/** Newest first, as the core pages them. */
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => item(to - i));

describe('the open thread', () => {
  it('keeps every older page loaded when a fresh newest page arrives', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 100 }),
        (loadedCount, arrived, page) => {
          const newest = 1_000;
          const loaded = range(newest - loadedCount + 1, newest);
          const fresh = range(newest + arrived - page + 1, newest + arrived);
          const merged = mergeNewest(fresh, loaded);
          if (arrived >= page) {
            // More arrived than a page: starting again from the fresh page beats a hole.
            expect(merged).toBeNull();
            return;
          }
          const expectedOldest = Math.min(newest - loadedCount + 1, newest + arrived - page + 1);
          expect(merged?.map((m) => m.at / 1_000)).toEqual(
            range(expectedOldest, newest + arrived).map((m) => m.at / 1_000),
          );
        },
      ),
    );
  });

  it('drops a message that is gone from the fresh page (a dropped reply)', () => {
    const loaded = range(1, 10);
    const fresh = range(1, 10).filter((m) => m.id !== 'wa:9');
    expect(mergeNewest(fresh, loaded)?.map((m) => m.id)).not.toContain('wa:9');
  });

  it('opens the SMS thread of a bare number from the outbox, and a thread by its key', () => {
    const thread = (key: string, channel: 'sms' | 'whatsapp'): InboxThread => ({
      key,
      channel,
      accountId: 1,
      number: '34666555444',
      name: null,
      lastAt: 0,
      preview: '',
      lastDirection: 'outbound',
      unread: 0,
      suppressed: false,
    });
    const threads = [thread('wa:3', 'whatsapp'), thread('sms:1:34666555444', 'sms')];
    expect(threadFor(threads, '34666555444')).toBe('sms:1:34666555444');
    expect(threadFor(threads, 'wa:3')).toBe('wa:3');
    expect(threadFor(threads, null)).toBe('wa:3');
  });
});
