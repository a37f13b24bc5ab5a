import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderAdapter } from '../../../electron/core/providers/types';
import { editContact } from '../../../electron/core/sync/contacts/edit';
import { pushPendingChanges } from '../../../electron/core/sync/contacts/push';
import type { ContactInput } from '../../../shared/domain/contact';
import { type ContactWorld, startContactWorld } from './contact-world';

let w: ContactWorld;
beforeAll(async () => {
  w = await startContactWorld(3);
  await w.pull();
}, 60_000);
afterAll(() => w.close());

const change = (contactId: number) =>
  w.db
    .prepare(
      'SELECT state, attempts, patch FROM pending_changes WHERE contact_id = ? ORDER BY id DESC',
    )
    .get(contactId) as { state: string; attempts: number; patch: string };

describe('a contact push whose lease ran out while its request was out', () => {
  it('writes nothing once another process has claimed the change', async () => {
    const person = w.bulk(1);
    editContact(w.db, person.id, { firstName: 'Slow' });
    // While this process's request is out, its lease expires and another process claims the change.
    const slow = Object.create(w.adapter) as ProviderAdapter;
    slow.updateContact = async (id: string, patch: ContactInput) => {
      w.db
        .prepare(
          `UPDATE pending_changes SET attempts = attempts + 1, lease_until = ? WHERE contact_id = ?`,
        )
        .run(w.t.clock.now() + 120_000, person.id);
      return w.adapter.updateContact(id, patch);
    };
    const report = await pushPendingChanges(w.db, w.accountId, slow, {
      now: () => w.t.clock.now(),
    });
    expect(report.pushed).toBe(0);
    // The change is still the other process's to settle: pushing, at its attempt.
    expect(change(person.id)).toMatchObject({ state: 'pushing', attempts: 2 });
  });
});
