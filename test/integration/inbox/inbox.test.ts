import { describe, expect, it } from 'vitest';
import { markThreadRead } from '../../../electron/core/inbox/read-state';
import { setWhatsAppTemplates } from '../../../electron/core/inbox/templates';
import { smsThreadKey, whatsAppThreadKey } from '../../../electron/core/inbox/thread-key';
import { CUT_OFF_SENTENCE, threadPage } from '../../../electron/core/inbox/thread-page';
import { listThreads } from '../../../electron/core/inbox/threads';
import {
  dispatchWhatsApp,
  dropWhatsApp,
  retryWhatsApp,
  SESSION_ENDED,
  saveWhatsAppMessage,
  sendWhatsApp,
} from '../../../electron/core/inbox/whatsapp-send';
import { pushAllBlacklistChanges } from '../../../electron/core/suppressions/blacklist-push';
import { syncConversations } from '../../../electron/core/sync/conversations/sync';
import { isSuppressed } from '../../../electron/core/sync/suppression';
import { syncWorldForThisFile } from '../sync/helpers';

const BUSINESS = '34666777555';
const HOUR = 3_600_000;
const world = syncWorldForThisFile();
const adapterFor = () => world.adapter;
const now = () => world.clock.now();

const sync = () => syncConversations(world.db, world.accountId, world.adapter, { now });

function conversationId(person: string): number {
  return world.db
    .prepare('SELECT id FROM conversations WHERE account_id = ? AND person = ?')
    .pluck()
    .get(world.accountId, person) as number;
}

function providerTexts(person: string): string[] {
  return world.db
    .prepare(
      `SELECT text FROM conversation_messages WHERE conversation_id = ? AND direction = 'outbound'`,
    )
    .pluck()
    .all(conversationId(person)) as string[];
}

async function personWrites(person: string, text: string): Promise<string> {
  world.clock.advance(1_000);
  world.sb.addInboundWhatsApp(person, BUSINESS, text);
  await sync();
  return whatsAppThreadKey(conversationId(person));
}

function page(key: string, before?: string, limit = 100) {
  return threadPage(world.db, key, { limit, now: now(), ...(before ? { before } : {}) });
}

describe('the inbox', () => {
  it('lists SMS and WhatsApp threads by last activity, named by the contact, with unread counts', async () => {
    world.db
      .prepare(
        `INSERT INTO contacts (account_id, remote_id, phone, first_name, last_name)
         VALUES (?, 'c1', '+34611300001', 'Lucía', 'Gómez')`,
      )
      .run(world.accountId);
    world.db
      .prepare(
        `INSERT INTO messages (account_id, recipient, sender, template, body, encoding, segments, max_parts,
           state, not_before, give_up_at, created_at, updated_at)
         VALUES (?, '34611300002', 'SHOP', 'Your table is ready', 'Your table is ready', 'gsm', 1, 1,
           'queued', 0, 0, ?, ?)`,
      )
      .run(world.accountId, now() - HOUR, now() - HOUR);
    const key = await personWrites('34611300001', 'Is the shop open today?');
    await personWrites('34611300001', 'And tomorrow?');

    const threads = listThreads(world.db, { limit: 50 });
    const wa = threads.find((t) => t.key === key);
    expect(wa).toMatchObject({ channel: 'whatsapp', name: 'Lucía Gómez', unread: 2 });
    expect(wa?.preview).toBe('And tomorrow?');
    const sms = threads.find((t) => t.key === smsThreadKey(world.accountId, '34611300002'));
    expect(sms).toMatchObject({ channel: 'sms', name: null, preview: 'Your table is ready' });
    // Newest activity first: the WhatsApp thread was written to after the SMS was queued.
    expect(threads.indexOf(wa as never)).toBeLessThan(threads.indexOf(sms as never));
    for (let i = 1; i < threads.length; i++)
      expect(threads[i - 1]?.lastAt).toBeGreaterThanOrEqual(threads[i]?.lastAt ?? 0);

    markThreadRead(world.db, key, now());
    expect(listThreads(world.db, { limit: 50 }).find((t) => t.key === key)?.unread).toBe(0);
    await personWrites('34611300001', 'Hello?');
    expect(listThreads(world.db, { limit: 50 }).find((t) => t.key === key)?.unread).toBe(1);

    expect(listThreads(world.db, { search: 'lucía', limit: 50 }).map((t) => t.key)).toEqual([key]);
    expect(listThreads(world.db, { search: '611 300 002', limit: 50 }).map((t) => t.key)).toEqual([
      smsThreadKey(world.accountId, '34611300002'),
    ]);
  });

  it('pages a long thread from the newest, without gaps or repeats, even when new messages arrive', async () => {
    const person = '34611300010';
    const start = now() - 300_000;
    for (let i = 0; i < 250; i++)
      world.sb.addInboundWhatsApp(person, BUSINESS, `line ${i}`, start + i * 1_000);
    await sync();
    const key = whatsAppThreadKey(conversationId(person));
    const first = page(key);
    expect(first.items).toHaveLength(100);
    expect(first.items[0]?.text).toBe('line 249');
    // Something new arrives between pages: the older pages are unchanged.
    await personWrites(person, 'newest');
    const second = page(key, first.next ?? undefined);
    const third = page(key, second.next ?? undefined);
    expect(third.next).toBeNull();
    const texts = [...first.items, ...second.items, ...third.items].map((m) => m.text);
    expect(texts).toEqual(Array.from({ length: 250 }, (_, i) => `line ${249 - i}`));
  });

  it('sends a WhatsApp reply once, saved before the request, and keeps one copy after the sync', async () => {
    const person = '34611300020';
    const key = await personWrites(person, 'Can I move my appointment?');
    const id = saveWhatsAppMessage(
      world.db,
      key,
      { kind: 'text', text: 'Of course, when?' },
      now(),
    );
    // Saved before any request: the thread shows it as sending.
    expect(page(key).items[0]).toMatchObject({ text: 'Of course, when?', state: 'sending' });
    await dispatchWhatsApp(world.db, adapterFor, id);
    expect(page(key).items[0]).toMatchObject({ whatsAppId: id, state: 'accepted' });
    await sync();
    expect(providerTexts(person).filter((t) => t === 'Of course, when?')).toHaveLength(1);
    // A second dispatch of the settled row sends nothing.
    await dispatchWhatsApp(world.db, adapterFor, id);
    await sync();
    expect(providerTexts(person).filter((t) => t === 'Of course, when?')).toHaveLength(1);
  });

  it('allows a free reply until 24 hours after the last message, then only a template', async () => {
    const person = '34611300030';
    const key = await personWrites(person, 'Thanks!');
    world.clock.advance(24 * HOUR - 2_000);
    const inside = await sendWhatsApp(
      world.db,
      adapterFor,
      key,
      { kind: 'text', text: 'You are welcome' },
      now(),
    );
    expect(inside.ok).toBe(true);
    world.clock.advance(2_000);
    await sync();
    expect(page(key).meta.sessionActive).toBe(false);
    const before = page(key).items.length;
    const outside = await sendWhatsApp(
      world.db,
      adapterFor,
      key,
      { kind: 'text', text: 'Hello again' },
      now(),
    );
    expect(outside).toEqual({ ok: false, message: SESSION_ENDED });
    expect(page(key).items).toHaveLength(before);

    setWhatsAppTemplates(world.db, world.accountId, [
      {
        templateId: 123,
        name: 'order_update',
        body: 'Hello {{1}}, your order {{2}} is on its way.',
      },
    ]);
    const missing = await sendWhatsApp(
      world.db,
      adapterFor,
      key,
      { kind: 'template', templateId: 123, fields: ['Ana'] },
      now(),
    );
    expect(missing).toEqual({ ok: false, message: 'Template "order_update" needs field {{2}}.' });
    const template = await sendWhatsApp(
      world.db,
      adapterFor,
      key,
      { kind: 'template', templateId: 123, fields: ['Ana', 'A-17'] },
      now(),
    );
    expect(template.ok).toBe(true);
    expect(page(key).items[0]).toMatchObject({
      text: 'Hello Ana, your order A-17 is on its way.',
      template: true,
      state: 'accepted',
    });
    await sync();
    expect(providerTexts(person).filter((t) => t.includes('A-17'))).toHaveLength(1);
  });

  it("keeps a reply the provider refused as failed with the provider's reason, for Retry or Drop", async () => {
    const person = '34611300040';
    const key = await personWrites(person, 'Hi');
    // Here the session looks open, at the provider it has ended.
    const localNow = now();
    world.clock.advance(25 * HOUR);
    const sent = await sendWhatsApp(
      world.db,
      adapterFor,
      key,
      { kind: 'text', text: 'Late answer' },
      localNow,
    );
    expect(sent.ok).toBe(true);
    const failed = page(key).items[0];
    expect(failed?.state).toBe('failed');
    expect(failed?.errorText).toMatch(/session/i);
    expect(dropWhatsApp(world.db, failed?.whatsAppId ?? 0, now())).toEqual({ ok: true });
    expect(page(key).items.some((m) => m.text === 'Late answer')).toBe(false);
  });

  it('never resends a reply whose answer was lost when the provider shows it arrived', async () => {
    const person = '34611300050';
    const key = await personWrites(person, 'Are you there?');
    world.sb.setFaults({ resetAfter: 1 });
    const sent = await sendWhatsApp(
      world.db,
      adapterFor,
      key,
      { kind: 'text', text: 'Yes, here' },
      now(),
    );
    world.sb.setFaults(null);
    expect(sent.ok).toBe(true);
    const unknown = page(key).items[0];
    expect(unknown?.state).toBe('unknown');
    expect(await retryWhatsApp(world.db, adapterFor, unknown?.whatsAppId ?? 0, now())).toEqual({
      ok: true,
    });
    expect(page(key).items[0]?.state).toBe('accepted');
    await sync();
    expect(providerTexts(person).filter((t) => t === 'Yes, here')).toHaveLength(1);
  });

  it('shows a reply cut off while sending as outcome unknown after two minutes', async () => {
    const person = '34611300060';
    const key = await personWrites(person, 'Ping');
    const id = saveWhatsAppMessage(world.db, key, { kind: 'text', text: 'Pong' }, now());
    const later = threadPage(world.db, key, { limit: 10, now: now() + 3 * 60_000 });
    expect(later.items[0]).toMatchObject({
      whatsAppId: id,
      state: 'unknown',
      errorText: CUT_OFF_SENTENCE,
    });
  });

  it('STOP suppresses the number here and at the provider, with a system line; START offers, never lifts', async () => {
    const person = '34611300070';
    const key = await personWrites(person, 'Pare');
    expect(isSuppressed(world.db, world.accountId, person)).toBe(true);
    await pushAllBlacklistChanges(world.db, () => world.adapter);
    const listed = await world.adapter.listBlacklist('sms', {
      page: 1,
      pageSize: 100,
      recipient: person,
    });
    expect(listed.items.map((e) => e.recipient.replace(/\D/g, ''))).toContain(person);
    const stopped = page(key);
    expect(stopped.items[0]).toMatchObject({ kind: 'system', state: 'opted-out', text: 'Pare' });
    expect(stopped.meta.suppressed?.sentence).toMatch(/suppression list/);
    expect(stopped.meta.offerResubscribe).toBe(false);
    const refused = await sendWhatsApp(
      world.db,
      adapterFor,
      key,
      { kind: 'text', text: 'Why?' },
      now(),
    );
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.message).toMatch(/opted out/);

    await personWrites(person, 'Alta');
    const again = page(key);
    expect(again.items[0]).toMatchObject({ kind: 'system', state: 'opt-in-request' });
    expect(again.meta.offerResubscribe).toBe(true);
    expect(isSuppressed(world.db, world.accountId, person)).toBe(true);
  });
});
