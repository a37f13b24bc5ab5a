import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/connection';
import { createAdapter } from '../../../electron/core/providers/registry';
import type { ProviderAdapter } from '../../../electron/core/providers/types';
import { editContact } from '../../../electron/core/sync/contacts/edit';
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
