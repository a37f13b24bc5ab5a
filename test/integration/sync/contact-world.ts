import { expect } from 'vitest';
import type { Db } from '../../../electron/core/db/connection';
import type { NrsAdapter } from '../../../electron/core/providers/nrs/adapter';
import { type PullProgress, pullContacts } from '../../../electron/core/sync/contacts/pull';
import { pushPendingChanges } from '../../../electron/core/sync/contacts/push';
import { type ContactSummary, searchContacts } from '../../../electron/core/sync/contacts/search';
import { closeAgents, startTestSandbox, type TestSandbox } from '../sandbox/helpers';
import { addAccount, mobile, nrsAdapterFor, openTestDb, type TestDb } from './helpers';

/**
 * A sandbox whose 360nrs account holds its demo contacts plus `count` bulk
 * people (Person<i>, person<i>@bulk.example, books "Bulk A" / "Bulk B"),
 * created through the real adapter, and an empty local database.
 */
export interface ContactWorld {
  t: TestSandbox;
  db: Db;
  adapter: NrsAdapter;
  accountId: number;
  pull(onProgress?: (p: PullProgress) => void): ReturnType<typeof pullContacts>;
  push(): ReturnType<typeof pushPendingChanges>;
  /** The local contact made from bulk person `i` (found by its unique email). */
  bulk(i: number): ContactSummary;
  /** The only local contact a search finds. */
  one(query: string): ContactSummary;
  close(): Promise<void>;
}

export async function startContactWorld(count: number): Promise<ContactWorld> {
  const t = await startTestSandbox();
  const tdb: TestDb = openTestDb();
  const db = tdb.db;
  const adapter = nrsAdapterFor(t.sb);
  const accountId = addAccount(db, 'Sandbox', t.sb.apis.nrs.baseUrl);
  await seedRemote(adapter, count);
  const one = (query: string) => {
    const hits = searchContacts(db, query, { accountId });
    expect(hits).toHaveLength(1);
    return hits[0] as ContactSummary;
  };
  return {
    t,
    db,
    adapter,
    accountId,
    pull: (onProgress) =>
      pullContacts(db, accountId, adapter, onProgress, { now: () => t.clock.now() }),
    push: () => pushPendingChanges(db, accountId, adapter, { now: () => t.clock.now() }),
    bulk: (i) => {
      const email = `person${i}@bulk.example`;
      const hits = searchContacts(db, email, { accountId, limit: 1000 }).filter(
        (c) => c.email === email,
      );
      expect(hits).toHaveLength(1);
      return hits[0] as ContactSummary;
    },
    one,
    close: async () => {
      await adapter.close();
      tdb.close();
      await t.sb.close();
      await closeAgents();
    },
  };
}

/** Creates contacts at the provider through the real adapter, a few requests at a time. */
async function seedRemote(adapter: NrsAdapter, count: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await adapter.createContact({
        phone: mobile(500_000 + i),
        countryIso: 'ES',
        firstName: `Person${i}`,
        lastName: i % 2 === 0 ? 'Garcia' : 'Silva',
        email: `person${i}@bulk.example`,
        bookNames: [i % 3 === 0 ? 'Bulk A' : 'Bulk B'],
      });
    }
  };
  await Promise.all(Array.from({ length: 24 }, worker));
}
