import { describe, expect, it } from 'vitest';
import {
  describeBody,
  kindForStatus,
  parseSuccess,
  statusError,
} from '../../../electron/core/providers/response';
import { SmsSendResponseSchema } from '../../../shared/providers/nrs/sms';
import { response } from './helpers';

const NOW = Date.parse('2026-11-22T20:00:00Z');

describe('classification by HTTP status', () => {
  it.each([
    [429, true, 'transient'],
    [429, false, 'transient'],
    [500, false, 'transient'],
    [502, false, 'transient'],
    [503, true, 'transient'],
    [504, true, 'transient'],
    [504, false, 'unknown-outcome'],
    [401, false, 'account'],
    [402, false, 'account'],
    [403, true, 'account'],
    [400, false, 'permanent'],
    [404, true, 'permanent'],
    [422, false, 'permanent'],
  ] as const)('HTTP %i (idempotent %s) is %s', (status, idempotent, kind) => {
    expect(kindForStatus(status, idempotent)).toBe(kind);
  });

  it('carries Retry-After seconds on a 429', () => {
    const e = statusError(response(429, '', { headers: { 'retry-after': '3' } }), {
      name: 'P',
      nowMs: NOW,
    });
    expect(e.kind).toBe('transient');
    expect(e.retryAfterMs).toBe(3000);
    expect(e.httpStatus).toBe(429);
  });

  it('carries a Retry-After HTTP-date on a 429', () => {
    const e = statusError(
      response(429, '', { headers: { 'retry-after': 'Sun, 22 Nov 2026 20:01:00 GMT' } }),
      { name: 'P', nowMs: NOW },
    );
    expect(e.retryAfterMs).toBe(60_000);
  });

  it('has no retry delay on a 429 without Retry-After', () => {
    const e = statusError(response(429, ''), { name: 'P', nowMs: NOW });
    expect(e.kind).toBe('transient');
    expect(e.retryAfterMs).toBeUndefined();
  });

  it('quotes the title of a proxy HTML page instead of crashing', () => {
    const html =
      '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
    const e = statusError(response(502, html), { name: '360nrs', nowMs: NOW });
    expect(e.kind).toBe('transient');
    expect(e.message).toContain('"502 Bad Gateway"');
    expect(e.message).toMatch(/^360nrs .*\.$/);
  });
});

describe('describeBody', () => {
  it('quotes the start of a text body, without tags, shortened', () => {
    expect(describeBody('<p>Service   down</p>')).toBe('"Service down"');
    expect(describeBody('x'.repeat(500))).toHaveLength(123);
    expect(describeBody('   ')).toBe('an empty body');
  });
});

describe('parseSuccess', () => {
  it('treats an unreadable answer to a send as an unknown outcome', () => {
    expect(() =>
      parseSuccess(response(202, '<html>oops</html>'), SmsSendResponseSchema, 'P'),
    ).toThrow(expect.objectContaining({ kind: 'unknown-outcome', code: 'bad-body' }));
  });

  it('treats an unreadable answer to a read as transient, naming where it broke', () => {
    expect(() =>
      parseSuccess(
        response(200, { campaignId: 1, sendingId: 'x', result: [] }, { idempotent: true }),
        SmsSendResponseSchema,
        'P',
      ),
    ).toThrow(
      expect.objectContaining({ kind: 'transient', message: expect.stringContaining('sendingId') }),
    );
  });
});
