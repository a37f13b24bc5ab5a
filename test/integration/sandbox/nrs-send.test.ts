import { describe, expect, it } from 'vitest';
import {
  NrsErrorResponseSchema,
  SmsSendResponseSchema,
} from '../../../shared/providers/nrs/schemas';
import { basic, call, nrs, sandboxForThisFile, sendSms } from './helpers';

const t = sandboxForThisFile();

async function expectError(body: Record<string, unknown>, status: number, code: number) {
  const res = await sendSms(t.sb, body);
  expect(res.status).toBe(status);
  expect(NrsErrorResponseSchema.parse(res.json)).toEqual({
    error: { code, description: expect.any(String) },
  });
}

const ok = { to: ['34666555444'], from: 'TEST', message: 'SMS text message' };

describe('POST /api/rest/sms: the seed examples', () => {
  it('accepts the first example with a 202 body shaped like the seed', async () => {
    const res = await sendSms(t.sb, ok);
    expect(res.status).toBe(202);
    const body = SmsSendResponseSchema.parse(res.json);
    expect(body.result).toEqual([
      {
        accepted: true,
        to: '34666555444',
        id: expect.stringMatching(/^[0-9A-Z]{13}$/),
        parts: 1,
        scheduledAt: null,
        expiresAt: null,
      },
    ]);
  });

  it('fills the substitution example per recipient', async () => {
    const res = await sendSms(t.sb, {
      from: 'TEST',
      to: ['34666555444', '34666555333'],
      message: 'Hello {name}',
      sub: [{ name: 'first contact name' }, { name: 'second contact name' }],
      campaignName: 'sub-example',
    });
    expect(res.status).toBe(202);
    const texts = t.sb
      .ledger()
      .filter((e) => e.campaignName === 'sub-example')
      .map((e) => [e.to, e.text]);
    expect(texts).toEqual([
      ['34666555444', 'Hello first contact name'],
      ['34666555333', 'Hello second contact name'],
    ]);
  });

  it('accepts one notification URL per recipient', async () => {
    const res = await sendSms(t.sb, {
      from: 'TEST',
      to: ['34666555444', '34666555333'],
      message: 'SMS text message',
      notificationUrl: [
        'https://example.com/first-notification-url',
        'https://example.com/second-notification-url',
      ],
    });
    expect(res.status).toBe(202);
  });

  it('applies every documented filter', async () => {
    await sendSms(t.sb, {
      from: 'TEST',
      to: ['34600000001'],
      message:
        '{n|lower}/{n|upper}/{n|capitalize}/{n|capitalizeAll}/{x|formatDotComma}/{x|formatCommaDot}',
      sub: [{ n: 'mY nAME', x: 1234.56 }],
      campaignName: 'filters',
    });
    const entry = t.sb.ledger().find((e) => e.campaignName === 'filters');
    expect(entry?.text).toBe('my name/MY NAME/MY nAME/MY NAME/1.234,56/1,234.56');
  });

  it('fills {name} from the stored contact when sub does not give it', async () => {
    await sendSms(t.sb, {
      from: 'TEST',
      to: ['34666666666'],
      message: 'Hi {name}',
      campaignName: 'from-contact',
    });
    expect(t.sb.ledger().find((e) => e.campaignName === 'from-contact')?.text).toBe('Hi Name');
  });
});

describe('POST /api/rest/sms: per-recipient answers', () => {
  it('answers 207 when only some recipients are valid, and records only those', async () => {
    const res = await sendSms(t.sb, { ...ok, to: ['34666555444', '34'], campaignName: 'partial' });
    expect(res.status).toBe(207);
    const body = SmsSendResponseSchema.parse(res.json);
    expect(body.result[1]).toEqual({
      accepted: false,
      to: '34',
      error: { code: 102, description: 'No valid recipients' },
    });
    expect(
      t.sb
        .ledger()
        .filter((e) => e.campaignName === 'partial')
        .map((e) => e.to),
    ).toEqual(['34666555444']);
  });

  it('answers 400 / 102 when no recipient is valid', async () => {
    await expectError({ ...ok, to: ['34', 'abc'] }, 400, 102);
  });

  it('fails only the recipient whose merged text needs more parts than allowed (207 / 105)', async () => {
    const res = await sendSms(t.sb, {
      ...ok,
      to: ['34600000002', '34600000003'],
      message: 'Hi {x}',
      sub: [{ x: 'short' }, { x: 'y'.repeat(200) }],
    });
    expect(res.status).toBe(207);
    expect(res.json.result[1].error.code).toBe(105);
  });

  it('charges the parts each text needs, up to `parts`', async () => {
    const before = t.sb.balance();
    const res = await sendSms(t.sb, { ...ok, message: 'a'.repeat(161), parts: 3 });
    expect(res.json.result[0].parts).toBe(2);
    // Money: two parts at Spain's coverage price (0.045 EUR each).
    expect(t.sb.balance()).toBeCloseTo(before - 2 * 0.045, 6);
    const ucs2 = await sendSms(t.sb, {
      ...ok,
      message: 'é😀'.repeat(24),
      encoding: 'utf-16',
      parts: 2,
    });
    expect(ucs2.json.result[0].parts).toBe(2);
  });
});

describe('POST /api/rest/sms: request errors from the seed table', () => {
  it.each([
    ['missing recipients', { from: 'TEST', message: 'x' }, 400, 102],
    ['empty recipients', { ...ok, to: [] }, 400, 102],
    ['missing text', { to: ['34666555444'], from: 'TEST' }, 400, 104],
    ['blank text', { ...ok, message: '  ' }, 400, 104],
    ['text too long for one part', { ...ok, message: 'a'.repeat(161) }, 400, 105],
    [
      'text too long for 15 parts',
      { ...ok, message: 'a'.repeat(153 * 15 + 1), parts: 15 },
      400,
      105,
    ],
    ['missing sender', { to: ['34666555444'], message: 'x' }, 400, 106],
    ['alphanumeric sender over 11', { ...ok, from: 'ABCDEFGHIJKL' }, 400, 107],
    ['numeric sender over 15', { ...ok, from: '1234567890123456' }, 400, 107],
    ['unreadable scheduleDate', { ...ok, scheduleDate: '2026-07-01 10:00' }, 400, 108],
    ['impossible scheduleDate', { ...ok, scheduleDate: '20260231100000' }, 400, 108],
    ['notification URL that is not one', { ...ok, notificationUrl: 'not a url' }, 400, 109],
    [
      'notification URLs not one per recipient',
      { ...ok, notificationUrl: ['https://a.example', 'https://b.example'] },
      400,
      109,
    ],
    ['parts over 15', { ...ok, parts: 16 }, 400, 110],
    ['parts 0', { ...ok, parts: 0 }, 400, 110],
    ['unknown encoding', { ...ok, encoding: 'latin1' }, 400, 113],
    ['expirationDate in the past', { ...ok, expirationDate: '20200101000000' }, 400, 119],
    [
      'expirationDate before scheduleDate',
      { ...ok, scheduleDate: '20260701100000', expirationDate: '20260701090000' },
      400,
      119,
    ],
    ['scheduleDate in the past', { ...ok, scheduleDate: '20200101000000' }, 400, 121],
    ['tags without campaignName', { ...ok, tags: ['a'] }, 400, 126],
    ['empty campaignName', { ...ok, campaignName: ' ' }, 400, 126],
    ['sub not one per recipient', { ...ok, sub: [{ a: '1' }, { a: '2' }] }, 422, 422],
    ['availableTimes not an array', { ...ok, availableTimes: 'always' }, 400, 183],
    [
      'availableTimes day out of range',
      { ...ok, availableTimes: [{ day: 8, from: '09:00', to: '21:00' }] },
      400,
      185,
    ],
    [
      'availableTimes from after to',
      { ...ok, availableTimes: [{ from: '21:00', to: '09:00' }] },
      400,
      188,
    ],
    ['availableTimes missing to', { ...ok, availableTimes: [{ from: '09:00' }] }, 400, 189],
  ])('%s', async (_name, body, status, code) => {
    await expectError(body as Record<string, unknown>, status, code);
  });

  it('answers 125 to a body that is not JSON', async () => {
    const res = await nrs(t.sb, 'POST', '/api/rest/sms', { raw: '{"to": [' });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: { code: 125, description: 'Invalid JSON' } });
  });

  it('records nothing for a rejected request', async () => {
    const before = t.sb.ledger().length;
    await sendSms(t.sb, { ...ok, parts: 99 });
    expect(t.sb.ledger().length).toBe(before);
  });
});

describe('authentication, IP allow-list and credits', () => {
  it('answers 401 / 103 to a wrong password and to no credentials', async () => {
    const wrong = await call(`${t.sb.apis.nrs.baseUrl}/api/rest/sms`, 'POST', {
      body: ok,
      headers: { authorization: basic(t.sb.apis.nrs.username, 'nope') },
    });
    expect([wrong.status, wrong.json]).toEqual([
      401,
      { error: { code: 103, description: 'Username or password unknown' } },
    ]);
    const none = await call(`${t.sb.apis.nrs.baseUrl}/api/rest/account`, 'GET');
    expect([none.status, none.json.error.code]).toEqual([401, 103]);
  });

  it('answers 401 / 112 to a client on 127.0.0.2 until that address is allowed', async () => {
    const before = t.sb.ledger().length;
    const moved = await sendSms(t.sb, ok, { from: '127.0.0.2' });
    expect([moved.status, moved.json]).toEqual([
      401,
      { error: { code: 112, description: 'IP address not allowed' } },
    ]);
    expect(t.sb.ledger().length).toBe(before);
    const home = await sendSms(t.sb, ok, { from: '127.0.0.1' });
    expect(home.status).toBe(202);
    t.sb.setAllowIps(['127.0.0.2']);
    try {
      expect((await sendSms(t.sb, ok, { from: '127.0.0.2' })).status).toBe(202);
      expect((await sendSms(t.sb, ok, { from: '127.0.0.1' })).json.error.code).toBe(112);
    } finally {
      t.sb.setAllowIps(['127.0.0.1']);
    }
  });

  it('answers 402 / 111 when the credits do not cover every accepted part, and charges nothing', async () => {
    const saved = t.sb.balance();
    // Enough money for exactly two Spanish parts (0.045 EUR each).
    t.sb.setCredits(0.09);
    try {
      const res = await sendSms(t.sb, { ...ok, to: ['34600000010', '34600000011', '34600000012'] });
      expect([res.status, res.json]).toEqual([
        402,
        { error: { code: 111, description: 'Not enough credits' } },
      ]);
      expect(t.sb.balance()).toBe(0.09);
      expect((await sendSms(t.sb, { ...ok, to: ['34600000010', '34600000011'] })).status).toBe(202);
      expect(t.sb.balance()).toBe(0);
      expect((await sendSms(t.sb, ok)).json.error.code).toBe(111);
    } finally {
      t.sb.setCredits(saved);
    }
  });
});

describe('the ledger', () => {
  it('counts the same text to the same number in the same campaign as one entry sent several times', async () => {
    const body = { ...ok, to: ['34611111111'], message: 'Your code is 1234', campaignName: 'dup' };
    const first = await sendSms(t.sb, body);
    await sendSms(t.sb, body);
    await sendSms(t.sb, { ...body, to: ['+34611111111'] });
    await sendSms(t.sb, { ...body, campaignName: 'other' });
    await sendSms(t.sb, { ...body, message: 'Your code is 9999' });
    const entries = t.sb.ledger().filter((e) => e.to === '34611111111');
    expect(entries).toEqual([
      expect.objectContaining({
        api: 'nrs',
        campaignName: 'dup',
        text: 'Your code is 1234',
        times: 3,
        messageId: first.json.result[0].id,
        parts: 1,
      }),
      expect.objectContaining({ campaignName: 'other', times: 1 }),
      expect.objectContaining({ campaignName: 'dup', text: 'Your code is 9999', times: 1 }),
    ]);
  });
});
