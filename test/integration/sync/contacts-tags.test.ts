import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/connection';
import { createAdapter } from '../../../electron/core/providers/registry';
import type { ProviderAdapter } from '../../../electron/core/providers/types';
import { createContactOffline, editContact } from '../../../electron/core/sync/contacts/edit';
import { pullContacts } from '../../../electron/core/sync/contacts/pull';
import { pushPendingChanges } from '../../../electron/core/sync/contacts/push';
import { countContacts, listContacts } from '../../../electron/core/sync/contacts/search';
import { closeAgents, startTestSandbox, type TestSandbox } from '../sandbox/helpers';
import { addAccount, openTestDb, type TestDb } from './helpers';

let t: TestSandbox;
let tdb: TestDb;
let db: Db;
let adapter: ProviderAdapter;
let accountId: number;

beforeAll(async () => {
  t = await startTestSandbox();
  tdb = openTestDb();
  db = tdb.db;
  adapter = createAdapter({
    provider: 'tags',
    baseUrl: t.sb.apis.tags.baseUrl,
    secret: t.sb.apis.tags.apiKey,
  });
  accountId = addAccount(db, 'Tags', t.sb.apis.tags.baseUrl, 'tags');
});

afterAll(async () => {
  await adapter.close();
  tdb.close();
  await t.sb.close();
  await closeAgents();
});

describe('contact sync with the tags API', () => {
  it('pulls every page, with tags, locations as books and custom fields', async () => {
    const remote = [];
    for (let page = 1; page < 100; page++) {
      const p = await adapter.listContacts({ page, pageSize: 50 });
      remote.push(...p.items);
      if (!p.hasMore) break;
    }
    const report = await pullContacts(db, accountId, adapter);
    expect(report.supported).toBe(true);
    expect(report.pages).toBeGreaterThan(1); // the adapter's default page is smaller than the list
    expect(countContacts(db, accountId)).toBe(remote.length);

    const tag = remote.flatMap((c) => c.tags)[0] as string;
    const tagged = remote
      .filter((c) => c.tags.includes(tag))
      .map((c) => c.id)
      .sort();
    const local = listContacts(db, { accountId, tag, limit: 1000 })
      .map((c) => c.remoteId)
      .sort();
    expect(local).toEqual(tagged);

    const withCity = remote.find((c) => c.customFields.some((f) => f.key === 'city'));
    const row = listContacts(db, { accountId, limit: 1000 }).find(
      (c) => c.remoteId === withCity?.id,
    );
    expect(row?.customFields.city).toBe(
      withCity?.customFields.find((f) => f.key === 'city')?.value,
    );
  });

  it('pushes an offline edit of a custom field', async () => {
    const row = listContacts(db, { accountId, limit: 1 })[0];
    editContact(db, row?.id as number, { customFields: { city: 'Faro' } });
    const report = await pushPendingChanges(db, accountId, adapter);
    expect(report).toMatchObject({ pushed: 1, conflicts: 0, failed: 0 });
    const remote = await adapter.getContact(row?.remoteId as string);
    expect(remote.customFields.find((f) => f.key === 'city')?.value).toBe('Faro');
    const again = await pullContacts(db, accountId, adapter);
    expect(again.conflicts).toBe(0);
  });
});

describe('tag edits made offline (tags API add/remove, seed 002 lines 246, 272)', () => {
  it('show at once, and reach the provider through tags/add and tags/remove, keeping tags set there meanwhile', async () => {
    const row = listContacts(db, { accountId, limit: 1000 }).find((c) => c.tags.length > 0);
    if (!row?.remoteId) throw new Error('the demo data has tagged contacts');
    const dropped = row.tags[0] as string;
    editContact(db, row.id, { addTags: ['vip'], removeTags: [dropped] });
    const local = listContacts(db, { accountId, limit: 1000 }).find((c) => c.id === row.id);
    expect(local?.tags).toContain('vip');
    expect(local?.tags).not.toContain(dropped);
    expect(local?.pending).toBe(true);

    // Meanwhile someone tags the contact on the provider's side.
    await adapter.addTags(row.remoteId, ['from-dashboard']);
    const adds = t.sb.requestCount({
      method: 'POST',
      pathPrefix: `/tags/v1/contacts/${row.remoteId}/tags/add`,
    });
    const removes = t.sb.requestCount({
      method: 'POST',
      pathPrefix: `/tags/v1/contacts/${row.remoteId}/tags/remove`,
    });
    const puts = t.sb.requestCount({ method: 'PUT' });

    const report = await pushPendingChanges(db, accountId, adapter);
    expect(report).toMatchObject({ pushed: 1, conflicts: 0, failed: 0 });
    expect(
      t.sb.requestCount({
        method: 'POST',
        pathPrefix: `/tags/v1/contacts/${row.remoteId}/tags/add`,
      }),
    ).toBe(adds + 1);
    expect(
      t.sb.requestCount({
        method: 'POST',
        pathPrefix: `/tags/v1/contacts/${row.remoteId}/tags/remove`,
      }),
    ).toBe(removes + 1);
    expect(t.sb.requestCount({ method: 'PUT' })).toBe(puts); // no full rewrite of the contact
    const remote = await adapter.getContact(row.remoteId);
    expect(remote.tags).toEqual(expect.arrayContaining(['vip', 'from-dashboard']));
    expect(remote.tags).not.toContain(dropped);
    const after = listContacts(db, { accountId, limit: 1000 }).find((c) => c.id === row.id);
    expect(after?.pending).toBe(false);
    expect(after?.tags).toEqual(expect.arrayContaining(['vip', 'from-dashboard']));
  });

  it('a tag edit made before the contact first reached the provider goes with the create', async () => {
    const id = createContactOffline(db, accountId, {
      phone: '+34600111999',
      firstName: 'Tagged',
      tags: ['new'],
    });
    editContact(db, id, { addTags: ['vip'], removeTags: ['new'] });
    await pushPendingChanges(db, accountId, adapter);
    const found = await adapter.listContacts({ search: '34600111999' });
    expect(found.items[0]?.tags).toEqual(['vip']);
  });
});

describe('the channel filter of the listing (seed 002 line 26)', () => {
  it('lists only contacts reachable on that channel', async () => {
    const all = await adapter.listContacts({ pageSize: 1000 });
    const whatsapp = await adapter.listContacts({ pageSize: 1000, channel: 'whatsapp' });
    const sms = await adapter.listContacts({ pageSize: 1000, channel: 'sms' });
    expect(whatsapp.items.length).toBeGreaterThan(0);
    expect(whatsapp.items.length).toBeLessThan(all.items.length);
    expect(sms.items.length).toBeLessThan(all.items.length);
    expect(whatsapp.items.every((c) => all.items.some((a) => a.id === c.id))).toBe(true);
  });
});
