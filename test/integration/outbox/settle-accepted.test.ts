// What an answer's accepted rows keep (provider ids, parts, the request's
// campaign and sending): read by delivery polling, reports and reconciliation,
// so every row must hold exactly its own outcome, whatever mix of outcomes,
// nulls and campaigns one request brings back.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { claimBatch } from '../../../electron/core/outbox/claim';
import { enqueueMessages } from '../../../electron/core/outbox/enqueue';
import { type Outcome, settle } from '../../../electron/core/outbox/settle';
import { type OfflineOutbox, openOfflineOutbox } from '../../helpers/offline-outbox';

let outbox: OfflineOutbox | undefined;
afterEach(() => outbox?.close());

const id = fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: null });
const rowOutcome = fc.oneof(
  fc.record({
    kind: fc.constant('accepted' as const),
    messageId: id,
    parts: fc.option(fc.integer({ min: 1, max: 15 }), { nil: null }),
    campaignId: fc.constantFrom<string | null>('c1', 'c2', null),
    sendingId: fc.constantFrom<string | null>('s1', null),
  }),
  fc.constant({ kind: 'failed' as const }),
);

describe('settling a request’s answer', () => {
  it('each accepted row stores its own provider id, parts, campaign and sending; the others none', () => {
    outbox = openOfflineOutbox('outpost-settle-');
    const { db: open, accountId } = outbox;
    const read = open.prepare(
      `SELECT state, provider_message_id AS messageId, parts, provider_campaign_id AS campaignId,
         provider_sending_id AS sendingId, lease_token AS token FROM messages WHERE id = ?`,
    );
    fc.assert(
      fc.property(fc.array(rowOutcome, { minLength: 1, maxLength: 40 }), (kinds) => {
        enqueueMessages(
          open,
          kinds.map((_, i) => ({
            accountId,
            recipient: `3466${String(1_000_000 + i).padStart(7, '0')}`,
            sender: 'OUTPOST',
            template: 'Hi',
            body: 'Hi',
            encoding: 'gsm' as const,
            segments: 1,
            maxParts: 1,
          })),
        );
        const now = Date.now();
        const claim = claimBatch(open, {
          owner: 'o',
          now,
          leaseMs: 60_000,
          batchSize: kinds.length,
          dispatch: true,
        });
        expect(claim?.rows).toHaveLength(kinds.length);
        if (!claim) return;
        const outcomes = claim.rows.map((row, i): Outcome => {
          const k = kinds[i] ?? { kind: 'failed' as const };
          return k.kind === 'accepted'
            ? { id: row.id, ...k }
            : {
                id: row.id,
                kind: 'failed',
                failure: { code: 102, httpStatus: 400, kind: 'permanent', message: 'No.' },
              };
        });
        expect(settle(open, claim.token, outcomes, now)).toBe(kinds.length);
        for (const o of outcomes) {
          const stored = read.get(o.id);
          expect(stored).toEqual(
            o.kind === 'accepted'
              ? {
                  state: 'accepted',
                  messageId: o.messageId,
                  parts: o.parts,
                  campaignId: o.campaignId,
                  sendingId: o.sendingId,
                  token: null,
                }
              : {
                  state: 'failed',
                  messageId: null,
                  parts: null,
                  campaignId: null,
                  sendingId: null,
                  token: null,
                },
          );
        }
      }),
      { numRuns: 60 },
    );
  });
});
