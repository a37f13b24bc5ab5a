import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../../electron/core/providers/registry';
import {
  createContactOffline,
  deleteContactOffline,
} from '../../../electron/core/sync/contacts/edit';
import type { Contact } from '../../../shared/domain/contact';
import { type ContactsWorld, startContactsWorld } from './world';

let w: ContactsWorld;
let remote: Contact[];

beforeAll(async () => {
  w = await startContactsWorld();
  const adapter = createAdapter({
    provider: 'tags',
    baseUrl: w.sandbox.apis.tags.baseUrl,
    secret: w.sandbox.apis.tags.apiKey,
  });
  remote = [];
  for (let page = 1; page < 100; page++) {
    const p = await adapter.listContacts({ page, pageSize: 50 });
    remote.push(...p.items);
    if (!p.hasMore) break;
  }
  await adapter.close();
  const synced = await w.call('contacts.sync', { accountId: w.ids.tags });
  expect(synced).toMatchObject({ ok: true });
});

afterAll(() => w.close());

function countBy(values: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}

describe('contacts.groups', () => {
  it("answers the account's books and tags with as many members as the provider has", async () => {
    const groups = await w.call('contacts.groups', { accountId: w.ids.tags });
    const tags = countBy(remote.flatMap((c) => c.tags));
    expect(tags.size).toBeGreaterThan(1);
    expect(new Map(groups.tags.map((t) => [t.name, t.count]))).toEqual(tags);
    const books = countBy(remote.flatMap((c) => c.books.map((b) => b.name)));
    expect(new Map(groups.books.map((b) => [b.name, b.count]))).toEqual(books);
    expect(groups.books.every((b) => Number.isInteger(b.id) && b.id > 0)).toBe(true);
  });

  it('counts only live contacts: a delete lowers the count at once, a new tagged contact raises it', async () => {
    const before = await w.call('contacts.groups', { accountId: w.ids.tags });
    const tagged = remote.find((c) => c.tags.length > 0) as Contact;
    const tag = tagged.tags[0] as string;
    const local = w.core.db
      .prepare('SELECT id FROM contacts WHERE account_id = ? AND remote_id = ?')
      .pluck()
      .get(w.ids.tags, tagged.id) as number;
    deleteContactOffline(w.core.db, local);
    createContactOffline(w.core.db, w.ids.tags, {
      phone: '34666000111',
      firstName: 'Nueva',
      tags: ['groups-new-tag'],
    });
    const after = await w.call('contacts.groups', { accountId: w.ids.tags });
    const count = (g: typeof before, name: string) =>
      g.tags.find((t) => t.name === name)?.count ?? 0;
    expect(count(after, tag)).toBe(count(before, tag) - 1);
    expect(count(after, 'groups-new-tag')).toBe(1);
  });

  it("keeps accounts apart: another account's groups are not counted", async () => {
    const other = await w.call('contacts.groups', { accountId: w.ids.action });
    expect(other).toEqual({ books: [], tags: [] });
  });

  it('refuses an account that does not exist, naming it', async () => {
    expect(await w.refusal('contacts.groups', { accountId: 999 })).toMatch(/999/);
    expect(await w.refusal('contacts.groups', { accountId: 0 } as never)).toMatch(/accountId/);
  });
});
