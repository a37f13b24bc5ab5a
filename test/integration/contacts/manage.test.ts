import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../../electron/core/providers/registry';
import type { ProviderAdapter } from '../../../electron/core/providers/types';
import { pushPendingChanges } from '../../../electron/core/sync/contacts/push';
import { type ContactsWorld, startContactsWorld } from './world';

let w: ContactsWorld;
let tags: ProviderAdapter;

beforeAll(async () => {
  w = await startContactsWorld();
  tags = createAdapter({
    provider: 'tags',
    baseUrl: w.sandbox.apis.tags.baseUrl,
    secret: w.sandbox.apis.tags.apiKey,
  });
  for (const accountId of [w.ids.nrs, w.ids.tags]) {
    expect(await w.call('contacts.sync', { accountId })).toMatchObject({ ok: true });
  }
});

afterAll(async () => {
  await tags.close();
  await w.close();
});

const push = (accountId: number) => pushPendingChanges(w.core.db, accountId, tags);

async function allPages(
  request: Omit<Parameters<ContactsWorld['call']>[1] & object, 'offset'>,
  limit = 7,
) {
  const first = await w.call('contacts.page', {
    ...request,
    offset: 0,
    limit,
    withTotal: true,
  } as never);
  const rows = [...first.contacts];
  for (let offset = limit; offset < (first.total ?? 0); offset += limit) {
    rows.push(...(await w.call('contacts.page', { ...request, offset, limit } as never)).contacts);
  }
  return { total: first.total ?? 0, rows };
}

describe('contacts.page', () => {
  it('pages through every contact of the account once, in the order asked for', async () => {
    const { total, rows } = await allPages({ accountId: w.ids.nrs, sort: 'name' });
    expect(total).toBeGreaterThan(10);
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r.id)).size).toBe(total);
    expect(rows.every((r) => r.accountId === w.ids.nrs)).toBe(true);
    const names = rows.map((r) => `${r.lastName}\u0000${r.firstName}`.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const byPhone = await allPages({ accountId: w.ids.nrs, sort: 'phone', descending: true });
    const phones = byPhone.rows.map((r) => r.phone);
    expect(phones).toEqual([...phones].sort().reverse());
  });

  it('narrows by what is typed (a name prefix, digits of the number) and counts the matches', async () => {
    const { rows: everyone } = await allPages({ accountId: w.ids.nrs });
    const someone = everyone.find((r) => r.lastName.length > 3) as (typeof everyone)[number];
    const prefix = someone.lastName.slice(0, 3);
    const byName = await allPages({ accountId: w.ids.nrs, query: prefix });
    const expected = everyone.filter((r) =>
      [r.firstName, r.lastName, r.email]
        .join(' ')
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .split(/[^\p{L}\p{N}]+/u)
        .some((word) =>
          word.startsWith(prefix.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')),
        ),
    );
    expect(byName.rows.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    const digits = someone.phone.slice(-5);
    const byDigits = await allPages({ accountId: w.ids.nrs, query: digits });
    expect(byDigits.rows.map((r) => r.id)).toContain(someone.id);
    expect(byDigits.rows.every((r) => r.phone.includes(digits))).toBe(true);
  });

  it('filters by a tag or a book with as many rows as the sidebar counts', async () => {
    const groups = await w.call('contacts.groups', { accountId: w.ids.tags });
    const tag = groups.tags[0] as { name: string; count: number };
    const tagged = await allPages({ accountId: w.ids.tags, tag: tag.name });
    expect(tagged.total).toBe(tag.count);
    expect(tagged.rows.every((r) => r.tags.includes(tag.name))).toBe(true);
    const book = groups.books[0] as { id: number; count: number };
    expect((await allPages({ accountId: w.ids.tags, bookId: book.id })).total).toBe(book.count);
  });
});

describe('create, edit, delete and Undo over IPC', () => {
  it('creates a contact offline with its tags, marked not yet synced, and refuses a bad number by field', async () => {
    const bad = await w.call('contacts.create', {
      accountId: w.ids.tags,
      contact: { phone: '12', firstName: 'Bad' },
    });
    expect(bad).toMatchObject({ ok: false, field: 'phone' });
    const made = await w.call('contacts.create', {
      accountId: w.ids.tags,
      contact: {
        phone: '+34 611 000 101',
        firstName: 'Lucía',
        lastName: 'Nueva',
        tags: ['h11b-new'],
      },
    });
    if (!made.ok) throw new Error(made.message);
    const detail = await w.call('contacts.get', { id: made.id });
    expect(detail).toMatchObject({
      phone: '34611000101',
      firstName: 'Lucía',
      tags: ['h11b-new'],
      pending: { op: 'create', state: 'pending' },
    });
    const page = await w.call('contacts.page', {
      accountId: w.ids.tags,
      query: 'Lucía Nueva',
      offset: 0,
    });
    expect(page.contacts).toEqual([expect.objectContaining({ id: made.id, pending: true })]);
    await push(w.ids.tags);
    const after = await w.call('contacts.get', { id: made.id });
    expect(after?.pending).toBeNull();
    expect(after?.remoteId).not.toBeNull();
    expect((await tags.getContact(after?.remoteId as string)).tags).toEqual(['h11b-new']);
  });

  it('edits a field and says which field is wrong', async () => {
    const page = await w.call('contacts.page', { accountId: w.ids.tags, offset: 0, limit: 1 });
    const id = page.contacts[0]?.id as number;
    expect(await w.call('contacts.update', { id, patch: { email: 'not-an-email' } })).toMatchObject(
      {
        ok: false,
        field: 'email',
      },
    );
    expect(await w.call('contacts.update', { id, patch: { firstName: 'Editado' } })).toEqual({
      ok: true,
      id,
    });
    expect(await w.call('contacts.get', { id })).toMatchObject({
      firstName: 'Editado',
      pending: { op: 'update' },
    });
    expect(
      await w.call('contacts.update', { id: 999_999, patch: { firstName: 'x' } }),
    ).toMatchObject({ ok: false });
  });

  it('a delete leaves at once and is not pushed during its Undo window; Undo puts it back whole', async () => {
    const page = await w.call('contacts.page', {
      accountId: w.ids.tags,
      tag: undefined,
      offset: 5,
      limit: 1,
    });
    const victim = (await w.call('contacts.get', {
      id: page.contacts[0]?.id as number,
    })) as NonNullable<Awaited<ReturnType<typeof w.call<'contacts.get'>>>>;
    expect(victim.remoteId).not.toBeNull();
    const before = await w.call('contacts.groups', { accountId: w.ids.tags });
    const del = await w.call('contacts.delete', { ids: [victim.id] });
    expect(del).toMatchObject({ deleted: 1 });
    expect(del.undoMs).toBeGreaterThan(5_000);
    expect(await w.call('contacts.get', { id: victim.id })).toBeNull();

    // The sync runs during the window: the provider keeps the contact.
    await push(w.ids.tags);
    expect((await tags.getContact(victim.remoteId as string)).id).toBe(victim.remoteId);

    expect(await w.call('contacts.undoDelete', { undoToken: del.undoToken })).toEqual({
      restored: [victim.id],
    });
    const back = await w.call('contacts.get', { id: victim.id });
    expect(back).toMatchObject({
      remoteId: victim.remoteId,
      phone: victim.phone,
      firstName: victim.firstName,
      tags: victim.tags,
      books: victim.books,
      pending: null,
    });
    expect(await w.call('contacts.groups', { accountId: w.ids.tags })).toEqual(before);
    // Nothing left to push, and a second Undo has nothing to do.
    expect((await push(w.ids.tags)).pushed).toBe(0);
    expect(await w.call('contacts.undoDelete', { undoToken: del.undoToken })).toEqual({
      restored: [],
    });
  });

  it('an Undo after the delete reached the provider creates the contact there again', async () => {
    const made = await w.call('contacts.create', {
      accountId: w.ids.tags,
      contact: { phone: '+34 611 000 202', firstName: 'Vuelve', tags: ['h11b-back'] },
    });
    if (!made.ok) throw new Error(made.message);
    await push(w.ids.tags);
    const remoteId = (await w.call('contacts.get', { id: made.id }))?.remoteId as string;
    const { deleteContacts } = await import('../../../electron/core/sync/contacts/trash');
    const del = deleteContacts(w.core.db, [made.id], Date.now(), 0);
    await push(w.ids.tags);
    await expect(tags.getContact(remoteId)).rejects.toMatchObject({ httpStatus: 404 });

    const { restored } = await w.call('contacts.undoDelete', { undoToken: del.undoToken });
    expect(await w.call('contacts.get', { id: restored[0] as number })).toMatchObject({
      firstName: 'Vuelve',
      remoteId: null,
      pending: { op: 'create' },
    });
    await push(w.ids.tags);
    const again = (await w.call('contacts.get', { id: restored[0] as number }))?.remoteId as string;
    expect(again).not.toBe(remoteId);
    expect(await tags.getContact(again)).toMatchObject({
      firstName: 'Vuelve',
      tags: ['h11b-back'],
    });
  });
});

describe('bulk actions and capabilities', () => {
  it('adds and removes a tag on many contacts as pending edits, counted at once', async () => {
    const page = await w.call('contacts.page', { accountId: w.ids.tags, offset: 0, limit: 3 });
    const ids = page.contacts.map((c) => c.id);
    expect(
      await w.call('contacts.bulk', { ids, action: { kind: 'addTag', tag: 'h11b-bulk' } }),
    ).toEqual({
      ok: true,
      changed: 3,
      missing: 0,
    });
    const count = async () =>
      (await w.call('contacts.groups', { accountId: w.ids.tags })).tags.find(
        (t) => t.name === 'h11b-bulk',
      )?.count ?? 0;
    expect(await count()).toBe(3);
    await push(w.ids.tags);
    const first = await w.call('contacts.get', { id: ids[0] as number });
    expect((await tags.getContact(first?.remoteId as string)).tags).toContain('h11b-bulk');
    await w.call('contacts.bulk', { ids, action: { kind: 'removeTag', tag: 'h11b-bulk' } });
    expect(await count()).toBe(0);
  });

  it('refuses what the provider cannot do, changing nothing, and offers only what it can', async () => {
    const page = await w.call('contacts.page', { accountId: w.ids.nrs, offset: 0, limit: 2 });
    const ids = page.contacts.map((c) => c.id);
    const tagged = await w.call('contacts.bulk', { ids, action: { kind: 'addTag', tag: 'vip' } });
    expect(tagged).toMatchObject({ ok: false, message: expect.stringMatching(/no contact tags/) });
    const moved = await w.call('contacts.bulk', {
      ids,
      action: { kind: 'moveToBook', bookId: '1' },
    });
    expect(moved).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Only the address-book API/),
    });
    const after = await w.call('contacts.page', { accountId: w.ids.nrs, offset: 0, limit: 2 });
    expect(after.contacts.every((c) => !c.pending)).toBe(true);

    expect(await w.call('contacts.abilities', { accountId: w.ids.book })).toMatchObject({
      tags: false,
      moveToBook: true,
      newContactBook: 'choose',
      customFieldNames: ['custom_1', 'custom_2', 'custom_3', 'custom_4'],
    });
    expect(await w.call('contacts.abilities', { accountId: w.ids.tags })).toMatchObject({
      tags: true,
      moveToBook: false,
      joinBook: false,
      customFieldNames: null,
    });
    expect(await w.call('contacts.abilities', { accountId: w.ids.nrs })).toMatchObject({
      tags: false,
      moveToBook: false,
      joinBook: true,
      newContactBook: 'name',
    });
    expect(
      await w.call('contacts.create', {
        accountId: w.ids.nrs,
        contact: { phone: '+34 611 000 303' },
      }),
    ).toMatchObject({ ok: false, field: 'book' });
    expect(
      await w.call('contacts.create', {
        accountId: w.ids.book,
        contact: { phone: '+34 611 000 304', customFields: { city: 'Vigo' } },
      }),
    ).toMatchObject({ ok: false, field: 'customFields' });
  });
});

describe('conflicts', () => {
  let nrs: ProviderAdapter;
  beforeAll(() => {
    nrs = createAdapter({
      provider: 'nrs',
      baseUrl: w.sandbox.apis.nrs.baseUrl,
      username: w.sandbox.apis.nrs.username,
      secret: w.sandbox.apis.nrs.password,
    });
  });
  afterAll(() => nrs.close());

  it('shows both versions and merges field by field: the provider’s name, this computer’s email', async () => {
    const page = await w.call('contacts.page', { accountId: w.ids.nrs, offset: 10, limit: 1 });
    const id = page.contacts[0]?.id as number;
    const remoteId = (await w.call('contacts.get', { id }))?.remoteId as string;
    await nrs.updateContact(remoteId, { firstName: 'FromProvider' });
    await w.call('contacts.update', {
      id,
      patch: { firstName: 'FromHere', email: 'here@h11b.example' },
    });
    const report = await pushPendingChanges(w.core.db, w.ids.nrs, nrs);
    expect(report.conflicts).toBe(1);
    const detail = await w.call('contacts.get', { id });
    expect(detail?.conflict).toMatchObject({
      fields: ['firstName'],
      local: { firstName: 'FromHere', email: 'here@h11b.example' },
      remote: { firstName: 'FromProvider' },
    });
    const conflictId = detail?.conflict?.id as number;
    expect(await w.call('contacts.resolveConflict', { conflictId, keep: {} })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/firstName/),
    });
    expect(
      await w.call('contacts.resolveConflict', { conflictId, keep: { firstName: 'remote' } }),
    ).toEqual({ ok: true });
    expect(await w.call('contacts.get', { id })).toMatchObject({
      firstName: 'FromProvider',
      email: 'here@h11b.example',
      conflict: null,
    });
    await pushPendingChanges(w.core.db, w.ids.nrs, nrs);
    expect(await nrs.getContact(remoteId)).toMatchObject({
      firstName: 'FromProvider',
      email: 'here@h11b.example',
    });
    expect((await w.call('contacts.get', { id }))?.pending).toBeNull();
  });
});
