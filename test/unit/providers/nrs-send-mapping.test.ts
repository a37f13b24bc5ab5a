import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../electron/core/providers/errors';
import {
  buildSmsRequest,
  mapSendResponse,
  toNrsNumber,
} from '../../../electron/core/providers/nrs/send';
import type { OutgoingBatch } from '../../../shared/domain/message';
import { SmsSendRequestSchema, type SmsSendResponse } from '../../../shared/providers/nrs/sms';

const batch = (over: Partial<OutgoingBatch> = {}): OutgoingBatch => ({
  from: 'TEST',
  text: 'Hello {name}',
  encoding: 'gsm',
  maxParts: 2,
  recipients: [{ to: '+34666555444' }, { to: '0034 666 555 333' }],
  ...over,
});

describe('building POST /api/rest/sms', () => {
  it('sends numbers as bare international digits and the wire encoding names', () => {
    const req = buildSmsRequest(batch({ encoding: 'ucs2' }));
    expect(req.to).toEqual(['34666555444', '34666555333']);
    expect(req.encoding).toBe('utf-16');
    expect(req.parts).toBe(2);
    expect(SmsSendRequestSchema.parse(req)).toEqual(req);
  });

  it('omits sub when nobody has fields, and gives everyone an item when anyone has', () => {
    expect(buildSmsRequest(batch()).sub).toBeUndefined();
    const req = buildSmsRequest(
      batch({
        recipients: [{ to: '34666555444', fields: { name: 'Ana' } }, { to: '34666555333' }],
      }),
    );
    expect(req.sub).toEqual([{ name: 'Ana' }, {}]);
  });

  it('carries the campaign, the request tag, expirationDate and each row reference in sub', () => {
    const req = buildSmsRequest(
      batch({
        campaignName: 'Spring sale',
        tags: ['outpost-abc'],
        scheduleAt: '2026-12-01T15:30:00+01:00',
        expiresAt: '2026-12-01T16:30:00Z',
        recipients: [
          { to: '34666555444', fields: { name: 'Ana' }, ref: 'outpost-abc.7' },
          { to: '34666555333', ref: 'outpost-abc.8' },
        ],
      }),
    );
    expect(req).toMatchObject({
      campaignName: 'Spring sale',
      tags: ['outpost-abc'],
      scheduleDate: '20261201143000',
      expirationDate: '20261201163000',
    });
    expect(req.sub).toEqual([
      { name: 'Ana', outpostRef: 'outpost-abc.7' },
      { outpostRef: 'outpost-abc.8' },
    ]);
    expect(SmsSendRequestSchema.parse(req)).toEqual(req);
  });

  it('writes dates as YYYYmmddHHiiss in UTC', () => {
    const req = buildSmsRequest(
      batch({ scheduleAt: '2013-02-15T15:20:00+01:00', expiresAt: '2013-02-16T14:20:05Z' }),
    );
    expect(req.scheduleDate).toBe('20130215142000');
    expect(req.expirationDate).toBe('20130216142005');
  });

  it('sends tags only with a campaign name (the API requires it)', () => {
    expect(buildSmsRequest(batch({ tags: ['a'] })).tags).toBeUndefined();
    const req = buildSmsRequest(batch({ tags: ['a'], campaignName: 'outpost-1' }));
    expect(req).toMatchObject({ campaignName: 'outpost-1', tags: ['a'] });
  });

  it('refuses recipients with their own differing text (one text per request)', () => {
    expect(() =>
      buildSmsRequest(batch({ recipients: [{ to: '34666555444', text: 'other' }] })),
    ).toThrow(ProviderError);
  });

  it('strips formatting from numbers', () => {
    expect(toNrsNumber('+34 (666) 55-54-44')).toBe('34666555444');
    expect(toNrsNumber('0034666555444')).toBe('34666555444');
  });
});

const accepted = (to: string, id: string) => ({
  accepted: true as const,
  to,
  id,
  parts: 1,
  scheduledAt: null,
  expiresAt: null,
});

describe('reading the 202 / 207 answer', () => {
  it('lines results up with recipients and classifies per-recipient errors', () => {
    const res: SmsSendResponse = {
      campaignId: 100000,
      sendingId: 100001,
      result: [
        accepted('34666555444', 'A1'),
        {
          accepted: false,
          to: '34666555333',
          error: { code: 102, description: 'No valid recipients' },
        },
      ],
    };
    const out = mapSendResponse(batch(), res, 207);
    expect(out.campaignId).toBe('100000');
    expect(out.sendingId).toBe('100001');
    expect(out.results[0]).toMatchObject({
      to: '+34666555444',
      accepted: true,
      messageId: 'A1',
      parts: 1,
    });
    expect(out.results[1]).toMatchObject({
      to: '0034 666 555 333',
      accepted: false,
      failure: { code: 102, kind: 'permanent', httpStatus: 207 },
    });
  });

  it('matches results by number when the provider reorders them', () => {
    const res: SmsSendResponse = {
      campaignId: 1,
      sendingId: 2,
      result: [accepted('34666555333', 'B'), accepted('34666555444', 'A')],
    };
    const out = mapSendResponse(batch(), res, 202);
    expect(out.results.map((r) => (r.accepted ? r.messageId : null))).toEqual(['A', 'B']);
  });

  it('gives a number sent twice in one batch each of its results, in order', () => {
    const res: SmsSendResponse = {
      campaignId: 1,
      sendingId: 2,
      result: [accepted('34666555444', 'first'), accepted('34666555444', 'second')],
    };
    const out = mapSendResponse(
      batch({ recipients: [{ to: '34666555444' }, { to: '+34666555444' }] }),
      res,
      202,
    );
    expect(out.results.map((r) => (r.accepted ? r.messageId : null))).toEqual(['first', 'second']);
  });

  it('marks a recipient the answer does not mention as unknown outcome, never as sent or failed', () => {
    const res: SmsSendResponse = {
      campaignId: 1,
      sendingId: 2,
      result: [accepted('34666555444', 'A')],
    };
    const out = mapSendResponse(batch(), res, 202);
    expect(out.results[1]).toMatchObject({ accepted: false, failure: { kind: 'unknown-outcome' } });
  });

  it('classifies an account-level code inside a 207 as account', () => {
    const res: SmsSendResponse = {
      campaignId: 1,
      sendingId: 2,
      result: [
        accepted('34666555444', 'A'),
        {
          accepted: false,
          to: '34666555333',
          error: { code: 111, description: 'Not enough credits' },
        },
      ],
    };
    expect(mapSendResponse(batch(), res, 207).results[1]).toMatchObject({
      failure: { kind: 'account', code: 111 },
    });
  });

  it('always answers every recipient, in order, whatever subset the provider answers', () => {
    const phone = fc.stringMatching(/^34[0-9]{9}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(phone, { minLength: 1, maxLength: 20 }),
        fc.func(fc.constantFrom('accepted', 'error', 'missing')),
        fc.boolean(),
        (numbers, fate, shuffle) => {
          const b = batch({ recipients: numbers.map((to) => ({ to })) });
          let result: SmsSendResponse['result'] = [];
          for (const n of numbers) {
            const f = fate(n);
            if (f === 'accepted') result.push(accepted(n, `id-${n}`));
            if (f === 'error')
              result.push({ accepted: false, to: n, error: { code: 102, description: 'x' } });
          }
          if (shuffle) result = [...result].reverse();
          const out = mapSendResponse(b, { campaignId: 1, sendingId: 1, result }, 207);
          expect(out.results.map((r) => r.to)).toEqual(numbers);
          out.results.forEach((r, i) => {
            const f = fate(numbers[i] ?? '');
            if (f === 'accepted')
              expect(r).toMatchObject({ accepted: true, messageId: `id-${numbers[i]}` });
            else
              expect(r).toMatchObject({
                accepted: false,
                failure: { kind: f === 'error' ? 'permanent' : 'unknown-outcome' },
              });
          });
        },
      ),
    );
  });
});
