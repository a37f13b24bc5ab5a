import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderAdapter } from '../../../electron/core/providers/types';
import { type SandboxHandle, startSandbox } from '../../../electron/sandbox/index';
import { adapterFor, rejection } from './sandbox-helpers';

let sandbox: SandboxHandle;
let action: ProviderAdapter;
let book: ProviderAdapter;
let tags: ProviderAdapter;
const extra: ProviderAdapter[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 3 });
  action = adapterFor(sandbox.apis, 'action', { customFieldIds: () => ({ city: '1' }) });
  book = adapterFor(sandbox.apis, 'addressbook');
  tags = adapterFor(sandbox.apis, 'tags');
});

afterAll(async () => {
  await Promise.all([action, book, tags, ...extra].map((a) => a.close()));
  await sandbox.close();
});

beforeEach(() => sandbox.setFaults(null));

describe('action adapter against the sandbox', () => {
  it('claims sending, calls, contacts and automations, but not listing or delivery status', () => {
    expect(action.capabilities).toMatchObject({
      sendSms: true,
      voiceCall: true,
      automation: true,
      contactsSearch: true,
      contactsList: false,
      deliveryStatus: false,
      mergeFields: false,
    });
  });

  it('verifies the secret key, and calls a wrong one an account problem without leaking it', async () => {
    await action.verify();
    const wrong = adapterFor(sandbox.apis, 'action', { secret: 'wrong-secret-key-9' });
    extra.push(wrong);
    const e = await rejection(wrong.verify());
    expect(e).toMatchObject({ httpStatus: 401, kind: 'account' });
    expect(e.message).not.toContain('wrong-secret-key-9');
  });

  it('sends SMS to several recipients in one request, each with its own text', async () => {
    const before = sandbox.requestCount({ pathPrefix: '/action' });
    const out = await action.sendBatch({
      from: 'Outpost',
      text: 'unused',
      encoding: 'gsm',
      maxParts: 1,
      recipients: [
        { to: '+526643596440', text: 'Hello Juan' },
        { to: '+16193596440', text: 'Hello Ana' },
        { to: 'not-a-number', text: 'Hello nobody' },
      ],
    });
    expect(sandbox.requestCount({ pathPrefix: '/action' })).toBe(before + 1);
    expect(out.results.map((r) => r.accepted)).toEqual([true, true, false]);
    expect(out.results[2]).toMatchObject({ accepted: false, failure: { kind: 'permanent' } });
    const ledger = sandbox.ledger().filter((l) => l.api === 'action');
    expect(ledger.map((l) => l.text)).toEqual(expect.arrayContaining(['Hello Juan', 'Hello Ana']));
  });

  it('refuses merge fields it cannot fill, before calling the provider', async () => {
    const e = await rejection(
      action.sendBatch({
        from: 'X',
        text: 'Hi {name}',
        encoding: 'gsm',
        maxParts: 1,
        recipients: [{ to: '+526643596440', fields: { name: 'Juan' } }],
      }),
    );
    expect(e.code).toBe('unsupported');
  });

  it('places a voice call', async () => {
    const out = await action.sendCall({ to: '+526643596440', text: 'Hello, your package ' });
    expect(out.results[0]?.accepted).toBe(true);
  });

  it('searches contacts by one name (first or last) and by full name', async () => {
    const byLast = await action.listContacts({ search: 'pedro' });
    expect(byLast.items.map((c) => c.firstName)).toContain('juan');
    const both = await action.listContacts({ search: 'juan pedro' });
    expect(both.items.map((c) => c.id)).toEqual(['11']);
  });

  it('creates, reads, edits and trashes a contact', async () => {
    const c = await action.createContact({
      phone: '+526600000123',
      email: 'new@example.com',
      firstName: 'Nueva',
      lastName: 'Persona',
      customFields: [{ key: 'city', type: 'string', value: 'Tijuana' }],
    });
    expect(c.id).toMatch(/^\d+$/);
    const read = await action.getContact(c.id);
    expect(read).toMatchObject({ phone: '+526600000123', firstName: 'Nueva' });
    expect(read.customFields).toEqual([
      { key: 'city', label: 'city', type: 'string', value: 'Tijuana' },
    ]);
    const edited = await action.updateContact(c.id, { email: 'changed@example.com' });
    expect(edited.email).toBe('changed@example.com');
    await action.deleteContact(c.id);
    expect((await rejection(action.getContact(c.id))).kind).toBe('permanent');
  });

  it('adds a contact to an automation, and refuses one that is off', async () => {
    await action.addToAutomation('10', '10');
    const e = await rejection(action.addToAutomation('10', '11'));
    expect(e.kind).toBe('permanent');
  });

  it('calls a reset after a send an unknown outcome', async () => {
    sandbox.setFaults('reset-after=1');
    const e = await rejection(action.sendCall({ to: '+526643596440', text: 'Again' }));
    expect(e.kind).toBe('unknown-outcome');
  });

  it('refuses what the API cannot do', async () => {
    expect((await rejection(action.getStatuses(['1']))).code).toBe('unsupported');
  });
});

describe('address-book adapter against the sandbox', () => {
  it('claims contact editing and moving between books, not listing or sending', () => {
    expect(book.capabilities).toMatchObject({
      contactsRead: true,
      contactsWrite: true,
      moveBetweenBooks: true,
      contactsList: false,
      sendSms: false,
    });
  });

  it('verifies the token, and calls a wrong one an account problem without leaking it', async () => {
    await book.verify();
    const wrong = adapterFor(sandbox.apis, 'addressbook', { secret: 'bad-token-777' });
    extra.push(wrong);
    const e = await rejection(wrong.verify());
    expect(e).toMatchObject({ httpStatus: 401, kind: 'account' });
    expect(e.message).not.toContain('bad-token-777');
  });

  it('reads the seed example contact', async () => {
    const c = await book.getContact('1');
    expect(c).toMatchObject({
      firstName: 'John',
      lastName: 'Doe',
      company: 'ABC Inc.',
      phone: '1234567890',
    });
    expect(c.customFields.map((f) => f.key)).toEqual([
      'custom_1',
      'custom_2',
      'custom_3',
      'custom_4',
    ]);
  });

  it('adds, edits, moves to another book and deletes a contact', async () => {
    const c = await book.createContact({
      bookIds: ['1'],
      phone: '0412345600',
      firstName: 'Kim',
      customFields: [{ key: 'custom_2', type: 'string', value: 'VIP' }],
    });
    expect(c.books.map((b) => b.id)).toEqual(['1']);
    const moved = await book.updateContact(c.id, { bookIds: ['2'], lastName: 'Lee' });
    expect(moved.lastName).toBe('Lee');
    expect(moved.books.map((b) => b.id)).toEqual(['2']);
    await book.deleteContact(c.id);
    expect(await rejection(book.getContact(c.id))).toMatchObject({
      httpStatus: 404,
      kind: 'permanent',
    });
  });

  it('refuses a contact without a book, and custom fields it has no slot for', async () => {
    expect((await rejection(book.createContact({ phone: '0412345601' }))).kind).toBe('permanent');
    const e = await rejection(
      book.createContact({
        bookIds: ['1'],
        phone: '0412345602',
        customFields: [{ key: 'colour', type: 'string', value: 'red' }],
      }),
    );
    expect(e.message).toContain('colour');
  });

  it('retries a 5xx later', async () => {
    sandbox.setFaults('5xx=1');
    expect((await rejection(book.getContact('1'))).kind).toBe('transient');
  });
});

describe('tags adapter against the sandbox', () => {
  it('claims contacts with tags, not sending', () => {
    expect(tags.capabilities).toMatchObject({ contactsList: true, tags: true, sendSms: false });
  });

  it('verifies the key, and calls a wrong one an account problem without leaking it', async () => {
    await tags.verify();
    const wrong = adapterFor(sandbox.apis, 'tags', { secret: 'bad-api-key-31' });
    extra.push(wrong);
    const e = await rejection(wrong.verify());
    expect(e).toMatchObject({ httpStatus: 401, kind: 'account' });
    expect(e.message).not.toContain('bad-api-key-31');
  });

  it('pages through every contact, a short page being the last', async () => {
    const seen = new Set<string>();
    let page = 1;
    for (; page <= 20; page++) {
      const p = await tags.listContacts({ page, pageSize: 40 });
      for (const c of p.items) seen.add(c.id);
      if (!p.hasMore) break;
    }
    expect(page).toBeLessThan(20);
    expect(seen.size).toBe(150);
  });

  it('filters by tag and by search text', async () => {
    const all = await tags.listContacts({ pageSize: 1000 });
    const tag = all.items.find((c) => c.tags.length > 0)?.tags[0];
    if (!tag) throw new Error('no tagged demo contact');
    const tagged = await tags.listContacts({ tags: [tag], pageSize: 1000 });
    expect(tagged.items.length).toBeGreaterThan(0);
    expect(tagged.items.every((c) => c.tags.includes(tag))).toBe(true);
    const first = all.items[0];
    const found = await tags.listContacts({ search: first?.firstName ?? '', pageSize: 1000 });
    expect(found.items.map((c) => c.id)).toContain(first?.id);
  });

  it('creates, reads, updates (keeping other fields), tags, untags and deletes a contact', async () => {
    const c = await tags.createContact({
      firstName: 'Tess Tagger',
      phone: '+34600111222',
      tags: ['new'],
      notes: 'from Outpost',
    });
    expect(c).toMatchObject({ firstName: 'Tess Tagger', tags: ['new'] });
    const updated = await tags.updateContact(c.id, { stage: 'Lead' });
    expect(updated).toMatchObject({
      stage: 'Lead',
      notes: 'from Outpost',
      phone: '+34600111222',
      tags: ['new'],
    });
    expect(await tags.addTags(c.id, ['vip', 'spring'])).toEqual(
      expect.arrayContaining(['new', 'vip', 'spring']),
    );
    expect(await tags.removeTags(c.id, ['new'])).not.toContain('new');
    expect((await tags.getContact(c.id)).tags).not.toContain('new');
    await tags.deleteContact(c.id);
    expect(await rejection(tags.getContact(c.id))).toMatchObject({
      httpStatus: 404,
      kind: 'permanent',
    });
  });

  it('honours 429 Retry-After', async () => {
    sandbox.setFaults('429=1:4');
    expect(await rejection(tags.listContacts({}))).toMatchObject({
      kind: 'transient',
      retryAfterMs: 4_000,
    });
  });
});
