import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineStatuses } from '../../../electron/core/sync/delivery/outcome';
import type { DeliveryStatus, MessageStatus } from '../../../shared/domain/status';
import { isFinalDeliveryStatus } from '../../../shared/domain/status';

// Pure logic; kept beside the sync integration tests (this helper's folder).

const STATUSES: DeliveryStatus[] = [
  'accepted',
  'sent',
  'delivered',
  'undelivered',
  'rejected',
  'expired',
  'unknown',
];

const record = fc.constantFrom(...STATUSES).map(
  (status): MessageStatus => ({
    messageId: 'X1',
    from: 'OUTPOST',
    to: '34666555444',
    text: 'part',
    status,
    final: isFinalDeliveryStatus(status),
    events: [],
    campaignId: null,
    sendingId: null,
  }),
);

describe('combining the status records of one message', () => {
  it('is delivered only when every part is delivered, and final only when every part is final', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 15 }), (parts) => {
        const outcome = combineStatuses(parts);
        const allDelivered = parts.every((p) => p.status === 'delivered');
        expect(outcome.status === 'delivered').toBe(allDelivered);
        expect(outcome.final).toBe(parts.every((p) => p.final));
        if (outcome.final && !allDelivered) {
          expect(outcome.failure?.text).toMatch(/\((UNDELIV|REJECTD|EXPIRED)\)\.$/);
        } else {
          expect(outcome.failure).toBeNull();
        }
      }),
    );
  });

  it('is not final when the provider returned nothing for the id', () => {
    expect(combineStatuses([])).toMatchObject({ final: false, status: 'unknown', failure: null });
  });
});
