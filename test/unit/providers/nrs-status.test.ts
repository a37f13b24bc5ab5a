import { describe, expect, it } from 'vitest';
import { deliveryStatusOf, mapStatus } from '../../../electron/core/providers/nrs/status';
import type { SmsStatus } from '../../../shared/providers/nrs/sms';

const status = (events: [string, string][], isDelivered = false): SmsStatus => ({
  id: 'X',
  from: 'SAMPLE',
  to: '34666555444',
  message: 'SMS text message',
  campaignId: 123456,
  sendingId: 234567,
  isDelivered,
  isClicked: false,
  events: events.map(([type, date]) => ({ type, date, isMobile: false, browser: '', os: '' })),
});

describe('delivery status from GET /api/rest/sms/<ID>', () => {
  it('reads the seed example (sent then delivered) as delivered and final', () => {
    const s = mapStatus(
      status(
        [
          ['sent', '2021-07-19T15:00:33+00:00'],
          ['delivered', '2021-07-19T15:00:33+00:00'],
        ],
        true,
      ),
    );
    expect(s).toMatchObject({
      status: 'delivered',
      final: true,
      campaignId: '123456',
      sendingId: '234567',
    });
  });

  it('is accepted with no events, sent after a sent event', () => {
    expect(deliveryStatusOf(status([]))).toBe('accepted');
    expect(deliveryStatusOf(status([['sent', '2021-07-19T15:00:33+00:00']]))).toBe('sent');
  });

  it.each([
    ['undelivered', 'undelivered'],
    ['rejected', 'rejected'],
    ['expired', 'expired'],
    ['UNDELIV', 'undelivered'],
    ['REJECTD', 'rejected'],
    ['DELIVRD', 'delivered'],
  ] as const)('maps a final %s event to %s', (type, expected) => {
    const s = mapStatus(
      status([
        ['sent', '2021-07-19T15:00:00Z'],
        [type, '2021-07-19T15:01:00Z'],
      ]),
    );
    expect(s.status).toBe(expected);
    expect(s.final).toBe(true);
  });

  it('ignores clicks and other non-delivery events', () => {
    expect(
      deliveryStatusOf(
        status([
          ['sent', '2021-07-19T15:00:00Z'],
          ['clicked', '2021-07-19T16:00:00Z'],
        ]),
      ),
    ).toBe('sent');
  });

  it('believes isDelivered even without a delivered event', () => {
    expect(deliveryStatusOf(status([['sent', '2021-07-19T15:00:00Z']], true))).toBe('delivered');
  });

  it('does not go back from a final state to sent when events arrive out of order', () => {
    expect(
      deliveryStatusOf(
        status([
          ['delivered', '2021-07-19T15:01:00Z'],
          ['sent', '2021-07-19T15:00:00Z'],
        ]),
      ),
    ).toBe('delivered');
  });
});
