import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderAdapter } from '../../../electron/core/providers/types';
import {
  createManualClock,
  type ManualClock,
  type SandboxHandle,
  startSandbox,
} from '../../../electron/sandbox/index';
import type { OutgoingBatch } from '../../../shared/domain/message';
import { adapterFor, rejection } from './sandbox-helpers';

let sandbox: SandboxHandle;
let clock: ManualClock;
let nrs: ProviderAdapter;
const extra: ProviderAdapter[] = [];

const batch = (over: Partial<OutgoingBatch> = {}): OutgoingBatch => ({
  from: 'Outpost',
  text: 'Hello {name}, your order is ready.',
  encoding: 'gsm',
  maxParts: 1,
  recipients: [
    { to: '+34600000001', fields: { name: 'Ana' } },
    { to: '+34600000002', fields: { name: 'Luis' } },
  ],
  ...over,
});

beforeAll(async () => {
  clock = createManualClock(Date.now());
  sandbox = await startSandbox({
    seed: 7,
    clock,
    credits: 1_000,
    delivery: { sentAfterMs: 1_000, finalAfterMs: 5_000, outcomes: { DELIVRD: 1 } },
  });
  nrs = adapterFor(sandbox.apis, 'nrs');
});

afterAll(async () => {
  await Promise.all([nrs, ...extra].map((a) => a.close()));
  await sandbox.close();
});

beforeEach(() => {
  sandbox.setFaults(null);
  sandbox.setAllowIps(['127.0.0.1']);
  sandbox.setCredits(1_000);
});

describe('360nrs adapter against the sandbox: account', () => {
  it('claims the capabilities of the full API and none of the others', () => {
    expect(nrs.capabilities).toMatchObject({
      sendSms: true,
      batchSend: true,
      mergeFields: true,
      deliveryStatus: true,
      sendingReport: true,
      contactsList: true,
      blacklist: true,
      conversations: true,
      scheduledMessages: true,
      coverage: true,
      voiceCall: false,
      tags: false,
      automation: false,
    });
  });

  it('verifies credentials and reads balance and currency', async () => {
    await nrs.verify();
    const account = await nrs.getAccount();
    expect(account.balance).toBe(sandbox.balance());
    expect(account.currency).toMatch(/^[A-Z]{3}$/);
    expect(account.username).toBe(sandbox.apis.nrs.username);
  });

  it('maps a wrong password to 103, an account problem, without leaking it', async () => {
    const wrong = adapterFor(sandbox.apis, 'nrs', { secret: 'not-the-password-42' });
    extra.push(wrong);
    const e = await rejection(wrong.verify());
    expect(e).toMatchObject({ code: 103, httpStatus: 401, kind: 'account' });
    expect(e.message).not.toContain('not-the-password-42');
  });

  it('maps a request from a non-allowed IP to 112 and works again once it is allowed', async () => {
    const moved = adapterFor(sandbox.apis, 'nrs', { localAddress: '127.0.0.2' });
    extra.push(moved);
    const e = await rejection(moved.sendBatch(batch()));
    expect(e).toMatchObject({ code: 112, httpStatus: 401, kind: 'account' });
    expect(sandbox.ledger()).toHaveLength(0);
    sandbox.setAllowIps(['127.0.0.1', '127.0.0.2']);
    await moved.verify();
  });

  it('maps running out of credit to 111, an account problem', async () => {
    sandbox.setCredits(0);
    const e = await rejection(nrs.sendBatch(batch({ campaignName: 'no-credit' })));
    expect(e).toMatchObject({ code: 111, kind: 'account' });
  });

  it('lists coverage prices as CoveragePrice, with dial codes and country-wide prices', async () => {
    const prices = await nrs.listCoverage();
    expect(prices.length).toBeGreaterThan(0);
    const es = prices.filter((p) => p.countryIso === 'ES');
    expect(es.length).toBeGreaterThan(0);
    expect(es.every((p) => p.dialCode === '34' && p.pricePerPart > 0)).toBe(true);
    expect(prices.some((p) => p.network === null)).toBe(true);
  });
});

describe('360nrs adapter against the sandbox: sending', () => {
  it('sends a batch with merge fields: each recipient accepted once, with its own text', async () => {
    const before = sandbox.balance();
    const out = await nrs.sendBatch(batch({ campaignName: 'outpost-send-1' }));
    expect(out.results.map((r) => r.accepted)).toEqual([true, true]);
    expect(out.campaignId).not.toBeNull();
    expect(out.sendingId).not.toBeNull();
    const ledger = sandbox.ledger().filter((l) => l.campaignName === 'outpost-send-1');
    expect(ledger.map((l) => [l.to, l.text, l.times]).sort()).toEqual([
      ['34600000001', 'Hello Ana, your order is ready.', 1],
      ['34600000002', 'Hello Luis, your order is ready.', 1],
    ]);
    // Money, not parts: one part each at Spain's coverage price.
    expect(sandbox.balance()).toBeCloseTo(before - 2 * sandbox.partPrice('34600000001'), 6);
  });

  it('splits a 207 per recipient: the good one accepted, the bad one failed permanently', async () => {
    const out = await nrs.sendBatch(
      batch({ recipients: [{ to: '34600000003' }, { to: '34' }], text: 'Plain text' }),
    );
    expect(out.results[0]).toMatchObject({ accepted: true, to: '34600000003' });
    expect(out.results[1]).toMatchObject({
      accepted: false,
      to: '34',
      failure: { code: 102, kind: 'permanent', httpStatus: 207 },
    });
  });

  it.each([
    ['missing text (104)', { text: '' }, 104],
    ['text longer than its parts (105)', { text: 'x'.repeat(200), maxParts: 1 }, 105],
    ['sender too long (107)', { from: 'ABCDEFGHIJKLM' }, 107],
  ] as const)('fails a whole batch permanently for %s', async (_label, over, code) => {
    const e = await rejection(
      nrs.sendBatch(batch({ ...over, recipients: [{ to: '34600000004' }] })),
    );
    expect(e).toMatchObject({ code, kind: 'permanent', httpStatus: 400 });
  });

  it('schedules a send and finds it among scheduled messages', async () => {
    const at = new Date(clock.now() + 86_400_000).toISOString();
    const out = await nrs.sendBatch(
      batch({ text: 'Later', recipients: [{ to: '34600000005' }], scheduleAt: at }),
    );
    const r = out.results[0];
    expect(r?.accepted).toBe(true);
    if (!r?.accepted || !r.messageId) throw new Error('not accepted');
    expect(r.scheduledAt).not.toBeNull();
    const [one] = await nrs.listScheduled({ guids: [r.messageId] });
    expect(one?.content?.to).toBe('34600000005');
  });

  it('polls delivery status until final, within a bounded number of requests', async () => {
    const out = await nrs.sendBatch(
      batch({ text: 'Track me', recipients: [{ to: '34600000006' }] }),
    );
    const id = out.results[0]?.accepted ? out.results[0].messageId : null;
    if (!id) throw new Error('not accepted');
    const first = await nrs.getStatuses([id]);
    expect(first[0]?.final).toBe(false);
    let status = first[0]?.status;
    for (let i = 0; i < 10 && status !== 'delivered'; i++) {
      clock.advance(1_000);
      status = (await nrs.getStatuses([id]))[0]?.status;
    }
    expect(status).toBe('delivered');
  });

  it('reads several statuses in one call and skips unknown ids', async () => {
    const out = await nrs.sendBatch(
      batch({ text: 'Two', recipients: [{ to: '34600000007' }, { to: '34600000008' }] }),
    );
    const ids = out.results.flatMap((r) => (r.accepted && r.messageId ? [r.messageId] : []));
    const statuses = await nrs.getStatuses([...ids, 'no-such-id']);
    expect(statuses.map((s) => s.messageId).sort()).toEqual([...ids].sort());
    expect(await nrs.getStatuses(['no-such-id'])).toEqual([]);
  });

  it('finds a campaign by wildcard name and reads its sending events report (reconciliation)', async () => {
    await nrs.sendBatch(batch({ campaignName: 'outpost-recon-7' }));
    clock.advance(10_000);
    const campaigns = await nrs.listCampaigns({ name: 'outpost-recon-*' });
    expect(campaigns.map((c) => c.name)).toEqual(['outpost-recon-7']);
    const sending = campaigns[0]?.sendings[0];
    if (!sending) throw new Error('no sending');
    expect(sending.total).toBe(2);
    const events = await nrs.getSendingEvents(sending.id);
    const phones = new Set(events.map((e) => e.phone));
    expect(phones).toEqual(new Set(['34600000001', '34600000002']));
    expect(
      events.every((e) => e.campaignName === 'outpost-recon-7' && e.sendingId === sending.id),
    ).toBe(true);
  });
});

describe('360nrs adapter against the sandbox: faults', () => {
  it('calls a reset after the provider recorded the send an unknown outcome (and it IS recorded)', async () => {
    sandbox.setFaults('reset-after=1');
    const e = await rejection(nrs.sendBatch(batch({ campaignName: 'outpost-reset-after' })));
    expect(e.kind).toBe('unknown-outcome');
    sandbox.setFaults(null);
    expect(sandbox.ledger().filter((l) => l.campaignName === 'outpost-reset-after')).toHaveLength(
      2,
    );
  });

  it('calls a reset on a status poll transient', async () => {
    sandbox.setFaults('reset-before=1');
    expect((await rejection(nrs.getStatuses(['XXXXXXXXXXXXX']))).kind).toBe('transient');
  });

  it('retries 5xx (101) later and honours 429 Retry-After', async () => {
    sandbox.setFaults('5xx=1');
    expect(await rejection(nrs.getAccount())).toMatchObject({ kind: 'transient', code: 101 });
    sandbox.setFaults('429=1:3');
    expect(await rejection(nrs.sendBatch(batch()))).toMatchObject({
      kind: 'transient',
      httpStatus: 429,
      retryAfterMs: 3_000,
    });
  });

  it('calls a truncated JSON answer to a send an unknown outcome, to a read transient', async () => {
    sandbox.setFaults('bad-json=1');
    expect((await rejection(nrs.sendBatch(batch({ campaignName: 'outpost-bad-json' })))).kind).toBe(
      'unknown-outcome',
    );
    expect((await rejection(nrs.getAccount())).kind).toBe('transient');
  });
});

describe('360nrs adapter against the sandbox: contacts and groups', () => {
  it('lists contacts with pagination, groups and custom fields', async () => {
    const page = await nrs.listContacts({ page: 1, pageSize: 50 });
    expect(page.items).toHaveLength(50);
    expect(page.hasMore).toBe(true);
    expect(page.total).toBeGreaterThan(50);
    const second = await nrs.listContacts({ page: 2, pageSize: 50 });
    expect(second.page).toBe(2);
    expect(second.items[0]?.id).not.toBe(page.items[0]?.id);
    const one = await nrs.getContact('1');
    expect(one).toMatchObject({
      phone: '34666666666',
      firstName: 'Name',
      lastName: 'Last name',
      books: [{ id: '1', name: 'My contact list' }],
      customFields: [{ key: 'color', type: 'string', value: 'green' }],
    });
  });

  it('filters contacts by phone', async () => {
    const page = await nrs.listContacts({ search: '+34 666 666 666' });
    expect(page.items.map((c) => c.id)).toEqual(['1']);
  });

  it('creates, updates and deletes a contact', async () => {
    const created = await nrs.createContact({
      phone: '34699000001',
      countryIso: 'es',
      firstName: 'Eva',
      bookNames: ['My contact list'],
      customFields: [{ key: 'company', type: 'string', value: 'ACME inc.' }],
    });
    expect(created.phone).toBe('34699000001');
    const updated = await nrs.updateContact(created.id, { lastName: 'García' });
    expect(updated.lastName).toBe('García');
    const read = await nrs.getContact(created.id);
    expect(read.books.map((b) => b.name)).toContain('My contact list');
    await nrs.deleteContact(created.id);
    expect(await rejection(nrs.getContact(created.id))).toMatchObject({ kind: 'permanent' });
  });

  it('refuses a contact without any address as a permanent validation error', async () => {
    const e = await rejection(nrs.createContact({ firstName: 'Nobody', bookIds: ['1'] }));
    expect(e).toMatchObject({ code: 422, kind: 'permanent' });
  });

  it('lists, creates, renames and deletes groups', async () => {
    const groups = await nrs.listBooks({});
    expect(groups.items.map((g) => g.name)).toContain('My contact list');
    const g = await nrs.createBook('Outpost test group');
    expect((await nrs.renameBook(g.id, 'Renamed group')).name).toBe('Renamed group');
    await nrs.deleteBook(g.id);
    const after = await nrs.listBooks({ pageSize: 1000 });
    expect(after.items.map((x) => x.id)).not.toContain(g.id);
  });
});

describe('360nrs adapter against the sandbox: blacklist, conversations, scheduled', () => {
  it('lists, adds and removes blacklist entries', async () => {
    const list = await nrs.listBlacklist('sms', {});
    expect(list.items.map((e) => e.recipient)).toContain('99000000000');
    const added = await nrs.addToBlacklist('sms', '34611223344');
    expect(added).toMatchObject({ channel: 'sms', recipient: '34611223344' });
    await nrs.removeFromBlacklist('sms', '34611223344');
    const found = await nrs.listBlacklist('sms', { recipient: '34611223344' });
    expect(found.items).toHaveLength(0);
  });

  it('reads conversations and their messages, and sees an inbound reply', async () => {
    const list = await nrs.listConversations({});
    const conv = list.items.find((c) => c.from === '34666777555' && c.to === '34666555444');
    expect(conv).toBeDefined();
    sandbox.addInboundWhatsApp('34666555444', '34666777555', 'Is my order ready?');
    const shown = await nrs.getConversation('34666777555', '34666555444');
    expect(shown.sessionActive).toBe(true);
    const msgs = await nrs.listConversationMessages('34666777555', '34666555444', {
      pageSize: 1000,
    });
    const inbound = msgs.items.find((m) => m.text === 'Is my order ready?');
    expect(inbound?.direction).toBe('inbound');
  });

  it('replies in an active conversation', async () => {
    sandbox.addInboundWhatsApp('34666555444', '34666777555', 'Hello?');
    const sent = await nrs.sendConversationMessage('34666777555', '34666555444', 'Yes, it is.');
    if (sent) expect(sent).toMatchObject({ direction: 'outbound', text: 'Yes, it is.' });
    const msgs = await nrs.listConversationMessages('34666777555', '34666555444', {
      pageSize: 1000,
    });
    expect(msgs.items.some((m) => m.text === 'Yes, it is.' && m.direction === 'outbound')).toBe(
      true,
    );
  });

  it('lists, reschedules and deletes scheduled messages by guid', async () => {
    const all = await nrs.listScheduled({});
    expect(all.map((s) => s.guid)).toEqual(expect.arrayContaining(['100', '101', '102']));
    const [one] = await nrs.listScheduled({ guids: ['100'] });
    expect(one?.content).toMatchObject({ to: '34666555444', text: 'This is a test' });
    const two = await nrs.listScheduled({ guids: ['100', '101'] });
    expect(two.map((s) => s.guid).sort()).toEqual(['100', '101']);
    expect(await nrs.reschedule(['100'], '2030-01-01T10:00:00Z')).toBe(1);
    const [moved] = await nrs.listScheduled({ guids: ['100'] });
    expect(moved?.scheduledAt.startsWith('2030-01-01T10:00:00')).toBe(true);
    expect(await nrs.deleteScheduled(['102'])).toBe(1);
    expect((await nrs.listScheduled({})).map((s) => s.guid)).not.toContain('102');
  });

  it('refuses to reschedule or delete with no guid, without calling the provider', async () => {
    const before = sandbox.requestCount({ pathPrefix: '/nrs/api/rest/scheduled' });
    expect((await rejection(nrs.deleteScheduled([]))).code).toBe('refused');
    expect((await rejection(nrs.reschedule([], '2030-01-01T00:00:00Z'))).code).toBe('refused');
    expect(sandbox.requestCount({ pathPrefix: '/nrs/api/rest/scheduled' })).toBe(before);
  });
});

describe('360nrs adapter against the sandbox: reconciling a lost answer', () => {
  it('finds a batch the provider recorded before the connection was reset', async () => {
    sandbox.setFaults('reset-after=1');
    const b = batch({ campaignName: 'outpost-lost-1' });
    expect((await rejection(nrs.sendBatch(b))).kind).toBe('unknown-outcome');
    sandbox.setFaults(null);
    const to = b.recipients.map((r) => r.to);
    // Accepted but not yet sent: not in the report yet, but the sending counts the whole batch.
    const early = await nrs.reconcileBatch('outpost-lost-1', to);
    expect(early).toMatchObject({ campaignFound: true, acceptedCount: 2 });
    expect(early.recipients.map((r) => r.state)).toEqual(['accepted', 'accepted']);
    clock.advance(2_000);
    const later = await nrs.reconcileBatch('outpost-lost-1', to);
    expect(later.recipients.map((r) => r.state)).toEqual(['accepted', 'accepted']);
  });

  it('says absent when the connection was reset before the provider recorded anything', async () => {
    sandbox.setFaults('reset-before=1');
    const b = batch({ campaignName: 'outpost-lost-2' });
    expect((await rejection(nrs.sendBatch(b))).kind).toBe('unknown-outcome');
    sandbox.setFaults(null);
    const r = await nrs.reconcileBatch(
      'outpost-lost-2',
      b.recipients.map((x) => x.to),
    );
    expect(r.campaignFound).toBe(false);
    expect(r.recipients.map((x) => x.state)).toEqual(['absent', 'absent']);
    expect(sandbox.ledger().filter((l) => l.campaignName === 'outpost-lost-2')).toHaveLength(0);
  });

  it('tells a 207-rejected recipient (absent) from an accepted one once the report is complete', async () => {
    sandbox.setFaults('bad-json=1');
    const b = batch({
      campaignName: 'outpost-lost-3',
      text: 'Plain',
      recipients: [{ to: '34' }, { to: '34600000009' }],
    });
    expect((await rejection(nrs.sendBatch(b))).kind).toBe('unknown-outcome');
    sandbox.setFaults(null);
    clock.advance(2_000);
    const r = await nrs.reconcileBatch('outpost-lost-3', ['34', '34600000009']);
    expect(r.recipients.map((x) => x.state)).toEqual(['absent', 'accepted']);
  });
});
