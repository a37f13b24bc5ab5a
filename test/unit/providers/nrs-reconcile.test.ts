import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../electron/core/providers/nrs/reconcile';
import type { Campaign, SendingEvent } from '../../../shared/domain/campaign';

const campaign = (name: string, totals: number[]): Campaign => ({
  id: '1',
  name,
  type: 'basic',
  createdAt: '2026-01-01T00:00:00+00:00',
  updatedAt: '2026-01-01T00:00:00+00:00',
  sendings: totals.map((total, i) => ({
    id: String(10 + i),
    campaignName: name,
    status: 'OPENED',
    channel: 'sms',
    total,
    processed: 0,
    parts: total,
    cost: total,
    currency: 'EUR',
    tags: [],
    scheduledAt: null,
    createdAt: '2026-01-01T00:00:00+00:00',
    counts: {
      sent: 0,
      delivered: 0,
      undelivered: 0,
      rejected: 0,
      expired: 0,
      clicked: 0,
      unsubscribed: 0,
    },
  })),
});

const event = (phone: string, type = 'sent'): SendingEvent => ({
  campaignName: 'b-1',
  campaignId: '1',
  sendingId: '10',
  contactId: null,
  event: type,
  phone,
  email: null,
  countryIso: 'ES',
  url: null,
  createdAt: '2026-01-01T00:00:00+00:00',
  customFields: {},
});

const TO = ['+34600000001', '+34600000002'];
const states = (r: ReturnType<typeof reconcile>) => r.recipients.map((x) => x.state);

describe('reconciling a batch whose answer was lost', () => {
  it('says absent for everyone when the campaign does not exist (nothing reached the provider)', () => {
    const r = reconcile('b-1', TO, [campaign('b-10', [2])], []);
    expect(r.campaignFound).toBe(false);
    expect(states(r)).toEqual(['absent', 'absent']);
  });

  it('says accepted for recipients in the events report, with their events', () => {
    const r = reconcile(
      'b-1',
      TO,
      [campaign('b-1', [2])],
      [event('34600000001'), event('34600000001', 'delivered'), event('34600000002')],
    );
    expect(states(r)).toEqual(['accepted', 'accepted']);
    expect(r.recipients[0]?.events).toEqual(['sent', 'delivered']);
  });

  it('takes the whole batch as accepted when the counters cover every recipient, before any event', () => {
    const r = reconcile('b-1', TO, [campaign('b-1', [2])], []);
    expect(states(r)).toEqual(['accepted', 'accepted']);
  });

  it('cannot tell yet while accepted messages have no event', () => {
    const three = [...TO, '+34600000003'];
    const r = reconcile('b-1', three, [campaign('b-1', [2])], [event('34600000001')]);
    expect(states(r)).toEqual(['accepted', 'undetermined', 'undetermined']);
  });

  it('says absent for the rest once the report accounts for the whole total (a 207 rejection)', () => {
    const r = reconcile('b-1', TO, [campaign('b-1', [1])], [event('34600000002')]);
    expect(states(r)).toEqual(['absent', 'accepted']);
  });

  it('never calls a recipient absent while the provider counts more than the report shows', () => {
    const phone = fc.stringMatching(/^34[0-9]{9}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(phone, { minLength: 1, maxLength: 15 }),
        fc.nat({ max: 15 }),
        fc.func(fc.boolean()),
        (to, extra, inReport) => {
          const reported = to.filter((p) => inReport(p));
          const total = reported.length + extra;
          const r = reconcile(
            'b-1',
            to,
            [campaign('b-1', [total])],
            reported.map((p) => event(p)),
          );
          const coversAll = total >= to.length;
          r.recipients.forEach((x) => {
            if (reported.includes(x.to) || coversAll) expect(x.state).toBe('accepted');
            else expect(x.state).toBe(extra > 0 ? 'undetermined' : 'absent');
          });
        },
      ),
    );
  });
});
