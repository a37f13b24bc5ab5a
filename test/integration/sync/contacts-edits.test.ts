import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/connection';
import type { NrsAdapter } from '../../../electron/core/providers/nrs/adapter';
import { listConflicts, resolveConflict } from '../../../electron/core/sync/contacts/conflicts';
import {
  createContactOffline,
  deleteContactOffline,
  editContact,
} from '../../../electron/core/sync/contacts/edit';
import { listPendingChanges } from '../../../electron/core/sync/contacts/pending';
import type { PullProgress } from '../../../electron/core/sync/contacts/pull';
import { retryChange } from '../../../electron/core/sync/contacts/push';
import { listContacts, searchContacts } from '../../../electron/core/sync/contacts/search';
import { syncContacts } from '../../../electron/core/sync/contacts/sync';
import { type ContactWorld, startContactWorld } from './contact-world';

const COUNT = 100;
let w: ContactWorld;
let db: Db;
let adapter: NrsAdapter;
let accountId: number;
let t: ContactWorld['t'];
const pull = (onProgress?: (p: PullProgress) => void) => w.pull(onProgress);
const push = () => w.push();
const bulk = (i: number) => w.bulk(i);
const one = (q: string) => w.one(q);

beforeAll(async () => {
  w = await startContactWorld(COUNT);
  ({ db, adapter, accountId, t } = w);
  await w.pull();
}, 60_000);

afterAll(() => w.close());

describe('offline contact edits, push and conflicts', () => {
  it('keeps offline edits locally and pushes them when the provider can be reached', async () => {
    const ana = bulk(10);
    const ben = bulk(11);
    const putsBefore = t.sb.requestCount({ method: 'PUT' });
    editContact(db, ana.id, { firstName: 'Anabel', customFields: { city: 'Lisboa' } });
    editContact(db, ana.id, { lastName: 'Garcia Lopez' }); // folds into the same change
    editContact(db, ben.id, { email: 'ben@new.example' });
    const created = createContactOffline(db, accountId, {
      phone: '34699000111',
      firstName: 'Offline',
      lastName: 'Made',
      countryIso: 'ES',
      bookNames: ['Bulk A'],
    });
    const gone = bulk(12);
    deleteContactOffline(db, gone.id);

    // Visible locally at once, nothing sent yet.
    expect(one('anabel').pending).toBe(true);
    expect(one('offline made').remoteId).toBeNull();
    expect(
      searchContacts(db, 'person12@bulk.example', { accountId }).map((c) => c.email),
    ).not.toContain('person12@bulk.example');
    expect(t.sb.requestCount({ method: 'PUT' })).toBe(putsBefore);
    expect(listPendingChanges(db, accountId).map((c) => c.op)).toEqual([
      'update',
      'update',
      'create',
      'delete',
    ]);

    // The provider refuses us (IP lock): nothing is lost, nothing is skipped.
    t.sb.setAllowIps(['127.0.0.9']);
    const blocked = await push();
    expect(blocked.stopped?.code).toBe(112);
    expect(blocked.remaining).toBe(4);
    t.sb.setAllowIps(['127.0.0.1']);

    const report = await push();
    expect(report).toMatchObject({
      pushed: 4,
      conflicts: 0,
      failed: 0,
      remaining: 0,
      stopped: null,
    });
    const remoteAna = await adapter.getContact(ana.remoteId as string);
    expect([remoteAna.firstName, remoteAna.lastName]).toEqual(['Anabel', 'Garcia Lopez']);
    expect(remoteAna.customFields.find((f) => f.key === 'city')?.value).toBe('Lisboa');
    expect((await adapter.getContact(ben.remoteId as string)).email).toBe('ben@new.example');
    const createdRow = listContacts(db, { accountId, limit: 20_000 }).find((c) => c.id === created);
    expect(createdRow?.remoteId).not.toBeNull();
    expect((await adapter.getContact(createdRow?.remoteId as string)).firstName).toBe('Offline');
    await expect(adapter.getContact(gone.remoteId as string)).rejects.toMatchObject({
      httpStatus: 404,
    });
    expect(one('anabel').pending).toBe(false);

    // A pull afterwards agrees with what was pushed and does not resurrect the deleted one.
    const after = await pull();
    expect(after.conflicts).toBe(0);
    expect(one('anabel').customFields.city).toBe('Lisboa');
    expect(
      searchContacts(db, 'person12@bulk.example', { accountId }).map((c) => c.email),
    ).not.toContain('person12@bulk.example');
  });

  it('merges edits of different fields made on both sides', async () => {
    const c = bulk(20);
    editContact(db, c.id, { firstName: 'Carla' });
    await adapter.updateContact(c.remoteId as string, { email: 'carla@elsewhere.example' });
    const report = await syncContacts(db, accountId, adapter, undefined, {
      now: () => t.clock.now(),
    });
    expect(report.push).toMatchObject({ pushed: 1, conflicts: 0 });
    expect(report.pull?.conflicts).toBe(0);
    const merged = one('carla elsewhere');
    expect([merged.firstName, merged.email]).toEqual(['Carla', 'carla@elsewhere.example']);
    const remote = await adapter.getContact(c.remoteId as string);
    expect([remote.firstName, remote.email]).toEqual(['Carla', 'carla@elsewhere.example']);
  });

  it('shows a conflict with both versions instead of losing either, and applies the choice', async () => {
    const c = bulk(30);
    editContact(db, c.id, { lastName: 'LocalName' });
    await adapter.updateContact(c.remoteId as string, { lastName: 'RemoteName' });

    // A pull sees it first: the person's value stays on screen, the clash is recorded.
    const pulled = await pull();
    expect(pulled.conflicts).toBe(1);
    expect(one('person30 localname').hasConflict).toBe(true);

    const report = await push();
    expect(report).toMatchObject({ pushed: 0, conflicts: 0 }); // in conflict: not pushed at all
    expect((await adapter.getContact(c.remoteId as string)).lastName).toBe('RemoteName');

    const conflicts = listConflicts(db, accountId);
    expect(conflicts).toHaveLength(1);
    const k = conflicts[0];
    expect(k?.fields).toEqual(['lastName']);
    expect(k?.local.lastName).toBe('LocalName');
    expect(k?.remote).toMatchObject({ lastName: 'RemoteName' });

    resolveConflict(db, k?.id as number, 'local');
    expect(listConflicts(db, accountId)).toEqual([]);
    expect((await push()).pushed).toBe(1);
    expect((await adapter.getContact(c.remoteId as string)).lastName).toBe('LocalName');
    expect(one('person30 localname').hasConflict).toBe(false);
  });

  it('detects a clash at push time and can keep the provider version', async () => {
    const c = bulk(40);
    editContact(db, c.id, { email: 'mine@example.com' });
    await adapter.updateContact(c.remoteId as string, { email: 'theirs@example.com' });
    const report = await push();
    expect(report.conflicts).toBe(1);
    const k = listConflicts(db, accountId)[0];
    expect(k?.local.email).toBe('mine@example.com');
    expect(k?.remote).toMatchObject({ email: 'theirs@example.com' });
    resolveConflict(db, k?.id as number, 'remote');
    expect(one('person40 theirs').email).toBe('theirs@example.com');
    expect(listPendingChanges(db, accountId)).toEqual([]);
  });

  it('treats a contact deleted at the provider while edited here as a conflict', async () => {
    const c = bulk(50);
    editContact(db, c.id, { firstName: 'Kept' });
    await adapter.deleteContact(c.remoteId as string);
    await pull(); // the edited contact survives the pull
    expect(one('kept garcia').pending).toBe(true);
    expect((await push()).conflicts).toBe(1);
    const k = listConflicts(db, accountId)[0];
    expect(k?.remote).toEqual({ deleted: true });
    resolveConflict(db, k?.id as number, 'local');
    expect((await push()).pushed).toBe(1);
    const recreated = one('kept garcia');
    expect(recreated.remoteId).not.toBe(c.remoteId);
    expect((await adapter.getContact(recreated.remoteId as string)).firstName).toBe('Kept');
  });

  it('never duplicates a contact whose create answer was lost', async () => {
    const id = createContactOffline(db, accountId, {
      phone: '34699000222',
      firstName: 'Lost',
      lastName: 'Answer',
      countryIso: 'ES',
      bookNames: ['Bulk B'],
    });
    t.sb.setFaults('reset-after=1'); // created at the provider, answer never arrives
    try {
      const first = await push();
      expect(first.stopped?.code).toBe('unknown-outcome');
      expect(first.remaining).toBe(1);
    } finally {
      t.sb.setFaults(null);
    }
    await pull(); // brings the provider's copy in as well
    expect((await push()).pushed).toBe(1);
    const local = searchContacts(db, 'lost answer', { accountId });
    expect(local.map((c) => c.id)).toEqual([id]);
    const remote = await adapter.listContacts({ phone: '34699000222' });
    expect(remote.items.map((c) => c.id)).toEqual([local[0]?.remoteId]);
  });

  it('marks a change the provider refuses for good as failed, with its reason, and goes on', async () => {
    const bad = bulk(60);
    const good = bulk(61);
    editContact(db, bad.id, { email: 'not-an-email' });
    editContact(db, good.id, { firstName: 'Goodwin' });
    const report = await push();
    expect(report).toMatchObject({ pushed: 1, failed: 1, remaining: 0, stopped: null });
    const [failed] = listPendingChanges(db, accountId, ['failed']);
    expect(failed?.contactId).toBe(bad.id);
    expect(failed?.errorText).toMatch(/email/i);
    expect((await adapter.getContact(good.remoteId as string)).firstName).toBe('Goodwin');

    // Retrying as it is fails the same way; it is never dropped.
    expect(retryChange(db, failed?.id as number)).toBe(true);
    expect(await push()).toMatchObject({ pushed: 0, failed: 1 });

    // The person fixes the address: the same change is tried again with it.
    editContact(db, bad.id, { email: 'fixed@example.com' });
    expect(listPendingChanges(db, accountId).map((c) => [c.id, c.state])).toEqual([
      [failed?.id, 'pending'],
    ]);
    expect((await push()).pushed).toBe(1);
    expect(listPendingChanges(db, accountId)).toEqual([]);
    expect((await adapter.getContact(bad.remoteId as string)).email).toBe('fixed@example.com');
  });

  it('pushes each change once when two syncs run at the same time', async () => {
    for (let i = 0; i < 6; i++) {
      createContactOffline(db, accountId, {
        phone: `3469900030${i}`,
        firstName: `Twice${i}`,
        countryIso: 'ES',
        bookNames: ['Bulk A'],
      });
    }
    const [a, b] = await Promise.all([push(), push()]);
    expect((a?.pushed ?? 0) + (b?.pushed ?? 0)).toBe(6);
    for (let i = 0; i < 6; i++) {
      const remote = await adapter.listContacts({ phone: `3469900030${i}` });
      expect(remote.items).toHaveLength(1);
    }
  });

  it('keeps an edit made while the contact is being created', async () => {
    const id = createContactOffline(db, accountId, {
      phone: '34699000444',
      firstName: 'Early',
      countryIso: 'ES',
      bookNames: ['Bulk A'],
    });
    const inFlight = push(); // claimed and sent; the answer is not back yet
    editContact(db, id, { firstName: 'Later' });
    expect((await inFlight).pushed).toBe(1);
    expect(listPendingChanges(db, accountId).map((c) => c.op)).toEqual(['update']);
    expect((await push()).pushed).toBe(1);
    const row = listContacts(db, { accountId, limit: 1000 }).find((c) => c.id === id);
    expect(row?.firstName).toBe('Later');
    expect((await adapter.getContact(row?.remoteId as string)).firstName).toBe('Later');
  });
});
