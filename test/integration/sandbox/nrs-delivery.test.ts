import { describe, expect, it } from 'vitest';
import {
  CampaignListResponseSchema,
  ScheduledDeleteResponseSchema,
  ScheduledListResponseSchema,
  ScheduledUpdateResponseSchema,
  SENDING_EVENTS_CSV_COLUMNS,
  SmsStatusResponseSchema,
} from '../../../shared/providers/nrs/schemas';
import { FINAL_MS, nrs, SENT_MS, sandboxForThisFile, sendSms, startTestSandbox } from './helpers';

const t = sandboxForThisFile({
  delivery: {
    sentAfterMs: SENT_MS,
    finalAfterMs: FINAL_MS,
    outcomes: { DELIVRD: 1, UNDELIV: 1, EXPIRED: 1, REJECTD: 1 },
  },
});

const recipients = Array.from({ length: 40 }, (_, i) => `3460000${String(i).padStart(4, '0')}`);

async function status(ids: string[]) {
  const res = await nrs(t.sb, 'GET', `/api/rest/sms/${ids.join(',')}`);
  expect(res.status).toBe(200);
  return SmsStatusResponseSchema.parse(res.json).data;
}

describe('delivery lifecycle', () => {
  it('goes from no events, to sent, to one final event per message', async () => {
    const res = await sendSms(t.sb, {
      from: 'TEST',
      to: recipients,
      message: 'Lifecycle',
      campaignName: 'LIFE_2026_01',
    });
    const ids: string[] = res.json.result.map((r: { id: string }) => r.id);
    expect((await status(ids)).every((m) => m.events.length === 0)).toBe(true);

    t.clock.advance(SENT_MS);
    const sent = await status(ids);
    const early = sent.map((m) => m.events.map((e) => e.type).join('+'));
    expect(new Set(early)).toEqual(new Set(['sent', 'rejected']));

    t.clock.advance(FINAL_MS);
    const done = await status(ids);
    const finals = done.map((m) => m.events.at(-1)?.type);
    expect(new Set(finals)).toEqual(new Set(['delivered', 'undelivered', 'expired', 'rejected']));
    for (const m of done) {
      expect(m.isDelivered).toBe(m.events.some((e) => e.type === 'delivered'));
      if (m.events.at(-1)?.type !== 'rejected') expect(m.events[0]?.type).toBe('sent');
    }
  });

  it('answers several ids in one call, skipping unknown ones, and 404 when none is known', async () => {
    const data = await status(['XXXXXXXXXXXXX', 'NOPE']);
    expect(data.map((m) => [m.id, m.to, m.isDelivered])).toEqual([
      ['XXXXXXXXXXXXX', '34666555444', true],
    ]);
    const none = await nrs(t.sb, 'GET', '/api/rest/sms/NOPE');
    expect([none.status, none.json]).toEqual([
      404,
      { error: { code: 404, description: 'Resource not found' } },
    ]);
  });

  it('rejects a message to a blacklisted number', async () => {
    const res = await sendSms(t.sb, { from: 'TEST', to: ['99000000000'], message: 'Opted out?' });
    t.clock.advance(FINAL_MS);
    const [m] = await status([res.json.result[0].id]);
    expect(m?.events.map((e) => e.type)).toEqual(['rejected']);
  });

  it('expires a message whose expiration date passes before its final state', async () => {
    const own = await startTestSandbox();
    try {
      const scheduled = new Date(own.clock.now() + 3_600_000);
      const fmt = (d: Date) => d.toISOString().replace(/\D/g, '').slice(0, 14);
      const res = await sendSms(own.sb, {
        from: 'TEST',
        to: ['34699999999'],
        message: 'Too late',
        scheduleDate: fmt(scheduled),
        expirationDate: fmt(new Date(scheduled.getTime() + 2_000)),
      });
      expect(res.json.result[0].scheduledAt).toBe(
        scheduled.toISOString().replace(/\.\d{3}Z$/, '+00:00'),
      );
      own.clock.advance(3_600_000 + FINAL_MS);
      const data = (await nrs(own.sb, 'GET', `/api/rest/sms/${res.json.result[0].id}`)).json.data;
      expect(data[0].events.map((e: { type: string }) => e.type)).toEqual(['sent', 'expired']);
    } finally {
      await own.sb.close();
    }
  });
});

describe('campaigns, sendings and the events report', () => {
  it('finds campaigns by name with a * wildcard and counts their events', async () => {
    const res = await nrs(t.sb, 'GET', '/api/rest/campaigns?name=LIFE_2026_*');
    const body = CampaignListResponseSchema.parse(res.json);
    expect(body.data.map((c) => c.name)).toEqual(['LIFE_2026_01']);
    const sending = body.data[0]?.sendings.data[0];
    expect(sending).toMatchObject({
      status: 'OPENED',
      channel: 'sms',
      total: 40,
      processed: 40,
      totalSmsParts: 40,
    });
    const e = sending?.events;
    expect(
      (e?.delivered ?? 0) + (e?.undelivered ?? 0) + (e?.expired ?? 0) + (e?.rejected ?? 0),
    ).toBe(40);
    expect(e?.sent).toBe(40 - (e?.rejected ?? 0));
    expect((await nrs(t.sb, 'GET', '/api/rest/campaigns?name=LIFE')).json.data).toEqual([]);
    expect(
      (await nrs(t.sb, 'GET', '/api/rest/campaigns?name=*2026_0*')).json.data.length,
    ).toBeGreaterThan(0);
  });

  it('adds later sends with the same campaignName to the same sending', async () => {
    const a = await sendSms(t.sb, {
      from: 'TEST',
      to: ['34612000001'],
      message: 'one',
      campaignName: 'SAME',
    });
    const b = await sendSms(t.sb, {
      from: 'TEST',
      to: ['34612000002'],
      message: 'two',
      campaignName: 'SAME',
    });
    expect([b.json.campaignId, b.json.sendingId]).toEqual([a.json.campaignId, a.json.sendingId]);
    const c = await sendSms(t.sb, { from: 'TEST', to: ['34612000003'], message: 'none' });
    expect(c.json.campaignId).toBe(0);
    expect(c.json.sendingId).not.toBe(a.json.sendingId);
  });

  it('lists every event of a sending as CSV with the seed columns, oldest first', async () => {
    const send = await sendSms(t.sb, {
      from: 'TEST',
      to: ['34666666666', '34612000009'],
      message: 'Report, "quoted"',
      campaignName: 'REPORT, ONE',
    });
    const sendingId = send.json.sendingId;
    t.clock.advance(FINAL_MS);
    const res = await nrs(t.sb, 'GET', `/api/rest/sendings/${sendingId}/reports/events`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text.trimEnd().split('\n');
    expect(lines[0]).toBe(SENDING_EVENTS_CSV_COLUMNS.join(','));
    const rows = lines.slice(1).map((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row.length).toBe(SENDING_EVENTS_CSV_COLUMNS.length);
      expect(row[0]).toBe('"REPORT, ONE"');
      expect(row[2]).toBe(String(sendingId));
    }
    const known = rows.find((r) => r[5] === '34666666666');
    expect(known?.[3]).toBe('1');
    expect(known?.[6]).toBe('email@example.com');
    const times = rows.map((r) => Date.parse(r[12] as string));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('filters the report by date and answers 404 for an unknown sending', async () => {
    const far = encodeURIComponent('2100-01-01T00:00:00+00:00');
    const res = await nrs(t.sb, 'GET', `/api/rest/sendings/1/reports/events?afterDate=${far}`);
    expect(res.text.trimEnd().split('\n')).toHaveLength(1);
    const all = await nrs(t.sb, 'GET', '/api/rest/sendings/1/reports/events');
    expect(all.text.trimEnd().split('\n')).toHaveLength(5);
    expect((await nrs(t.sb, 'GET', '/api/rest/sendings/999999/reports/events')).status).toBe(404);
  });
});

describe('scheduled messages', () => {
  it('lists the seed GUIDs, one with its content', async () => {
    const all = ScheduledListResponseSchema.parse(
      (await nrs(t.sb, 'GET', '/api/rest/scheduled?sendingId=123')).json,
    );
    expect(all.total).toBe(3);
    const one = await nrs(t.sb, 'GET', '/api/rest/scheduled?guid=100');
    expect(ScheduledListResponseSchema.parse(one.json).result).toMatchObject({
      guid: '100',
      content: { to: '34666555444', message: 'This is a test', campaignId: 456, sendingId: 123 },
    });
    expect((await nrs(t.sb, 'GET', '/api/rest/scheduled?guid=nope')).json.error.code).toBe(120);
  });

  it('moves and deletes scheduled messages, giving the credits back', async () => {
    const res = await sendSms(t.sb, {
      from: 'TEST',
      to: ['34613000001', '34613000002'],
      message: 'later',
      scheduleDate: '20300101090000',
    });
    const ids: string[] = res.json.result.map((r: { id: string }) => r.id);
    const moved = await nrs(t.sb, 'PUT', '/api/rest/scheduled', {
      body: { guid: ids, scheduleDate: '20300202090000' },
    });
    expect(ScheduledUpdateResponseSchema.parse(moved.json)).toEqual({ result: true, updated: 2 });
    const listed = await nrs(t.sb, 'GET', `/api/rest/scheduled?guid=${ids[0]}`);
    expect(listed.json.result.scheduled_at).toBe('2030-02-02 09:00:00');
    expect(
      (await nrs(t.sb, 'PUT', '/api/rest/scheduled', { body: { guid: ids, scheduleDate: 'soon' } }))
        .json.error.code,
    ).toBe(121);
    const before = t.sb.balance();
    const deleted = await nrs(t.sb, 'DELETE', '/api/rest/scheduled', { body: { guid: ids } });
    expect(ScheduledDeleteResponseSchema.parse(deleted.json)).toEqual({ result: true, deleted: 2 });
    expect(t.sb.balance()).toBeCloseTo(before + 2 * t.sb.partPrice('34613000001'), 6);
    expect((await nrs(t.sb, 'GET', `/api/rest/scheduled?guid=${ids[0]}`)).json.error.code).toBe(
      120,
    );
  });

  it('accepts the seed PUT example (a past date sends the messages now)', async () => {
    const res = await nrs(t.sb, 'PUT', '/api/rest/scheduled', {
      body: { guid: [100, 101], scheduleDate: '20171011093000' },
    });
    expect(res.json).toEqual({ result: true, updated: 2 });
    const left = await nrs(t.sb, 'GET', '/api/rest/scheduled?sendingId=123');
    expect(left.json.result.map((r: { guid: string }) => r.guid)).toEqual(['102']);
    const del = await nrs(t.sb, 'DELETE', '/api/rest/scheduled', { body: { guid: [102] } });
    expect(del.json).toEqual({ result: true, deleted: 1 });
  });
});
