import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../electron/core/providers/nrs/reconcile';
import type { Campaign, SendingEvent } from '../../../shared/domain/campaign';
import { type LostRequest, ROW_REF_FIELD } from '../../../shared/domain/reconciliation';
import type { ScheduledMessage } from '../../../shared/domain/scheduled';

const campaign = (name: string, tags: string[], total = 2): Campaign => ({
  id: '1',
  name,
  type: 'basic',
  createdAt: '2026-01-01T00:00:00+00:00',
  updatedAt: '2026-01-01T00:00:00+00:00',
  sendings: [
    {
      id: '10',
      campaignName: name,
      status: 'OPENED',
      channel: 'sms',
      total,
      processed: 0,
      parts: total,
      cost: total,
      currency: 'EUR',
      tags,
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
    },
  ],
});

const event = (phone: string, ref: string | null, type = 'sent'): SendingEvent => ({
  campaignName: 'Job',
  campaignId: '1',
  sendingId: '10',
  contactId: null,
  event: type,
  phone,
  email: null,
  countryIso: 'ES',
  url: null,
  createdAt: '2026-01-01T00:00:00+00:00',
  customFields: ref === null ? {} : { [ROW_REF_FIELD]: ref },
});

const request = (over: Partial<LostRequest> = {}): LostRequest => ({
  campaignName: 'Job',
  requestTag: 'req-b',
  sentAt: '2026-01-01T00:00:00Z',
  scheduledAt: null,
  recipients: [
    { to: '+34600000001', ref: 'req-b.1' },
    { to: '+34600000002', ref: 'req-b.2' },
  ],
  ...over,
});
const states = (r: ReturnType<typeof reconcile>) => r.recipients.map((x) => x.state);

describe('reconciling a request of a shared campaign whose answer was lost', () => {
  it('says absent for everyone when no sending carries the request tag, even if the campaign exists', () => {
    const r = reconcile(request(), [campaign('Job', ['req-a'])], [event('34600000001', 'req-a.9')]);
    expect(r.campaignFound).toBe(false);
    expect(states(r)).toEqual(['absent', 'absent']);
  });

  it('ignores a campaign whose name only resembles the request campaign', () => {
    const r = reconcile(request(), [campaign('Job 2', ['req-b'])], []);
    expect(states(r)).toEqual(['absent', 'absent']);
  });

  it('says accepted for rows whose reference appears in the events report, with their events', () => {
    const r = reconcile(
      request(),
      [campaign('Job', ['req-a', 'req-b'])],
      [
        event('34600000001', 'req-b.1'),
        event('34600000001', 'req-b.1', 'delivered'),
        event('34600000002', 'req-b.2'),
      ],
    );
    expect(states(r)).toEqual(['accepted', 'accepted']);
    expect(r.recipients[0]?.events).toEqual(['sent', 'delivered']);
  });

  it('does not take another request’s message to the same number for ours', () => {
    const r = reconcile(
      request(),
      [campaign('Job', ['req-a', 'req-b'])],
      [event('34600000001', 'req-a.1'), event('34600000002', null)],
    );
    expect(states(r)).toEqual(['undetermined', 'undetermined']);
  });

  it('matches a scheduled request to pending messages at its time, never to ones already known', () => {
    const pending = (guid: string, to: string, at: string): ScheduledMessage => ({
      guid,
      channel: 'sms',
      sendingId: '10',
      scheduledAt: at,
      updatedAt: at,
      content: { to, from: 'X', text: 't', encoding: 'gsm' },
    });
    const r = reconcile(
      request({ scheduledAt: '2026-02-01T10:00:00.000Z', knownIds: ['G1'] }),
      [campaign('Job', ['req-b'])],
      [],
      [
        pending('G1', '34600000001', '2026-02-01T10:00:00Z'),
        pending('G2', '34600000002', '2026-02-01T11:00:00Z'),
      ],
    );
    expect(states(r)).toEqual(['undetermined', 'undetermined']);
    const ok = reconcile(
      request({ scheduledAt: '2026-02-01T10:00:00.000Z' }),
      [campaign('Job', ['req-b'])],
      [],
      [pending('G1', '34600000001', '2026-02-01T10:00:00Z')],
    );
    expect(ok.recipients[0]).toMatchObject({ state: 'accepted', messageId: 'G1' });
  });

  it('never calls a row accepted without its own reference, nor absent once the tag is found', () => {
    const phone = fc.stringMatching(/^34[0-9]{9}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(phone, { minLength: 1, maxLength: 12 }),
        fc.func(fc.boolean()),
        fc.boolean(),
        (to, inReport, tagged) => {
          const req = request({ recipients: to.map((t, i) => ({ to: t, ref: `req-b.${i}` })) });
          // Every number also has a message of another request in the report.
          const events = to.flatMap((t, i) => [
            event(t, `req-a.${i}`),
            ...(inReport(t) ? [event(t, `req-b.${i}`)] : []),
          ]);
          const r = reconcile(
            req,
            [campaign('Job', tagged ? ['req-a', 'req-b'] : ['req-a'])],
            events,
          );
          r.recipients.forEach((x) => {
            if (!tagged) expect(x.state).toBe('absent');
            else expect(x.state).toBe(inReport(x.to) ? 'accepted' : 'undetermined');
          });
        },
      ),
    );
  });
});
