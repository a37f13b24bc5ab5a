// A claim leases the batch and reads it back in one statement, whose rows come
// in no set order: the request must still list the oldest due rows first, take
// exactly the batch's worth, and lease nothing it does not hand back.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { claimBatch } from '../../../electron/core/outbox/claim';
import { enqueueMessages } from '../../../electron/core/outbox/enqueue';
import { type OfflineOutbox, openOfflineOutbox } from '../../helpers/offline-outbox';

let outbox: OfflineOutbox | undefined;
afterEach(() => outbox?.close());

const NOW = Date.UTC(2026, 11, 3, 7);

describe('claiming a batch', () => {
  it('hands back the oldest due rows, oldest first, and leases exactly those', () => {
    outbox = openOfflineOutbox('outpost-claim-order-');
    const { db: open, accountId } = outbox;
    const setNotBefore = open.prepare('UPDATE messages SET not_before = ? WHERE id = ?');
    fc.assert(
      fc.property(
        // Offsets from now: negative is due; a few repeat, so ties fall to the id.
        fc.array(fc.integer({ min: -20, max: 5 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 40 }),
        (offsets, batchSize) => {
          open.exec('DELETE FROM messages');
          const ids = enqueueMessages(
            open,
            offsets.map((_, i) => ({
              accountId,
              recipient: `3466${String(1_000_000 + i).padStart(7, '0')}`,
              sender: 'OUTPOST',
              template: 'Hi',
              body: `Hi ${i}`,
              encoding: 'gsm' as const,
              segments: 1,
              maxParts: 1,
            })),
          );
          const rows = ids.map((id, i) => ({ id, notBefore: NOW + (offsets[i] ?? 0) * 1000 }));
          for (const r of rows) setNotBefore.run(r.notBefore, r.id);
          const due = rows.filter((r) => r.notBefore <= NOW);
          due.sort((a, b) => a.notBefore - b.notBefore || a.id - b.id);
          const claim = claimBatch(open, { owner: 'o', now: NOW, leaseMs: 60_000, batchSize });
          const expected = due.slice(0, batchSize).map((r) => r.id);
          expect(claim?.rows.map((r) => r.id) ?? []).toEqual(expected);
          const leased = open
            .prepare(
              `SELECT id FROM messages WHERE state = 'sending' AND lease_token = ? ORDER BY id`,
            )
            .pluck()
            .all(claim?.token ?? '');
          expect(leased).toEqual([...expected].sort((a, b) => a - b));
          for (const row of claim?.rows ?? []) expect(row.body).toBe(`Hi ${ids.indexOf(row.id)}`);
        },
      ),
      { numRuns: 60 },
    );
  });
});
