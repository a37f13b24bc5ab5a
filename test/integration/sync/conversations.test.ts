import { describe, expect, it } from 'vitest';
import {
  conversationMessages,
  syncBlacklist,
  syncConversations,
} from '../../../electron/core/sync/conversations/sync';
import {
  isSuppressed,
  listSuppressions,
  loadSuppressions,
} from '../../../electron/core/sync/suppression';
import { syncWorldForThisFile } from './helpers';

const BUSINESS = '34666777555';
const world = syncWorldForThisFile();

const sync = (extra = {}) =>
  syncConversations(world.db, world.accountId, world.adapter, {
    now: () => world.clock.now(),
    ...extra,
  });

function storedCount(person: string): number {
  return conversationMessages(world.db, world.accountId, BUSINESS, person).length;
}

describe('WhatsApp conversation sync', () => {
  it('stores every conversation and its messages, and fetches nothing when nothing changed', async () => {
    const first = await sync();
    expect(first.conversations).toBeGreaterThan(0);
    expect(first.newMessages).toBeGreaterThan(0);
    const seed = conversationMessages(world.db, world.accountId, BUSINESS, '34666555444');
    expect(seed.map((m) => [m.direction, m.text])).toEqual([
      ['outbound', 'Template content'],
      ['inbound', 'User response'],
    ]);

    const before = world.sb.requestCount({ pathPrefix: '/nrs/api/rest/whatsapp/conversations/' });
    const again = await sync();
    expect(again.refreshed).toBe(0);
    expect(again.newMessages).toBe(0);
    expect(world.sb.requestCount({ pathPrefix: '/nrs/api/rest/whatsapp/conversations/' })).toBe(
      before,
    );
  });

  it('puts the author of an opt-out reply on the suppression list', async () => {
    world.clock.advance(1_000);
    world.sb.addInboundWhatsApp('34611222333', BUSINESS, '  Stop! ');
    const report = await sync();
    expect(report.optOuts).toEqual([{ phone: '34611222333', keyword: 'STOP', text: '  Stop! ' }]);
    expect(isSuppressed(world.db, world.accountId, '+34611222333')).toBe(true);
    expect(isSuppressed(world.db, world.accountId, '0034611222333')).toBe(true);
    const entry = listSuppressions(world.db, world.accountId).find(
      (s) => s.phone === '34611222333',
    );
    expect(entry?.reason).toBe('opt-out-keyword');
    expect(entry?.detail).toContain('Stop!');
  });

  it('adds only the new messages of a known conversation, and honours BAJA there', async () => {
    const had = storedCount('34666555444');
    world.clock.advance(1_000);
    world.sb.addInboundWhatsApp('34666555444', BUSINESS, 'baja');
    const report = await sync();
    expect(report.newMessages).toBe(1);
    expect(storedCount('34666555444')).toBe(had + 1);
    expect(isSuppressed(world.db, world.accountId, '34666555444')).toBe(true);
  });

  it('does not suppress a person who merely uses the word in a sentence', async () => {
    world.clock.advance(1_000);
    world.sb.addInboundWhatsApp('34622333444', BUSINESS, 'Please stop by the shop tomorrow');
    const report = await sync();
    expect(report.optOuts).toEqual([]);
    expect(isSuppressed(world.db, world.accountId, '34622333444')).toBe(false);
    expect(
      conversationMessages(world.db, world.accountId, BUSINESS, '34622333444').map((m) => m.text),
    ).toEqual(['Please stop by the shop tomorrow']);
  });

  it('can report opt-outs to the provider blacklist, and imports that blacklist', async () => {
    world.clock.advance(1_000);
    world.sb.addInboundWhatsApp('34633444555', BUSINESS, 'UNSUBSCRIBE');
    const report = await sync({ reportToProvider: true });
    expect(report.blacklistErrors).toEqual([]);
    const remote = await world.adapter.listBlacklist('sms', { recipient: '34633444555' });
    expect(remote.items.map((e) => e.recipient)).toContain('34633444555');

    const imported = await syncBlacklist(world.db, world.accountId, world.adapter);
    expect(imported.seen).toBeGreaterThan(0);
    // The demo data's blacklisted number (electron/sandbox/demo-data.ts).
    expect(isSuppressed(world.db, world.accountId, '99000000000')).toBe(true);
    // The opt-out keeps its first, more telling, reason.
    const reasons = new Map(
      listSuppressions(world.db, world.accountId).map((s) => [s.phone, s.reason]),
    );
    expect(reasons.get('34633444555')).toBe('opt-out-keyword');
    expect(reasons.get('99000000000')).toBe('provider-blacklist');

    const bulk = loadSuppressions(world.db, world.accountId);
    expect(bulk.has('+34 611 222 333')).toBe(true);
    expect(bulk.has('34622333444')).toBe(false);
  });
});
