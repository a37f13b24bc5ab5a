import { describe, expect, it } from 'vitest';
import { nrs, SENT_MS, sandboxForThisFile, sendSms } from './helpers';

const t = sandboxForThisFile({ unverifiedSenders: ['NEWBRAND'], demoData: false });

describe('360nrs sandbox: sender verification is per sender', () => {
  it('answers 115 for an unverified sender, and accepts another sender of the same account', async () => {
    const before = t.sb.balance();
    const refused = await sendSms(t.sb, { from: 'NEWBRAND', to: ['34600000001'], message: 'Hi' });
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({ error: { code: 115, description: 'Sender is not verified' } });
    expect(t.sb.balance()).toBe(before);
    const ok = await sendSms(t.sb, { from: 'SHOP', to: ['34600000001'], message: 'Hi' });
    expect(ok.status).toBe(202);
    t.sb.setUnverifiedSenders([]);
    expect(
      (await sendSms(t.sb, { from: 'NEWBRAND', to: ['34600000001'], message: 'Hi' })).status,
    ).toBe(202);
  });
});

describe('360nrs sandbox: campaign names and tags', () => {
  it('puts every request with one campaignName in its one sending, with every request’s tags', async () => {
    for (const tag of ['req-1', 'req-2']) {
      const res = await sendSms(t.sb, {
        from: 'SHOP',
        to: ['34600000002', '34600000003'],
        message: 'Sale {name}',
        campaignName: 'Spring sale',
        tags: [tag],
        sub: [
          { name: 'Ana', outpostRef: `${tag}.1` },
          { name: 'Luis', outpostRef: `${tag}.2` },
        ],
      });
      expect(res.status).toBe(202);
    }
    const list = (await nrs(t.sb, 'GET', '/api/rest/campaigns?name=Spring%20sale')).json.data;
    expect(list).toHaveLength(1);
    expect(list[0].sendings.data).toHaveLength(1);
    expect(list[0].sendings.data[0]).toMatchObject({ total: 4, tags: ['req-1', 'req-2'] });
    // The references ride as custom fields the report shows, not in the text.
    t.clock.advance(SENT_MS);
    const sending = list[0].sendings.data[0].id;
    const csv = (
      await nrs(t.sb, 'GET', `/api/rest/sendings/${sending}/reports/events?showCustomFields=1`)
    ).text;
    expect(csv.split('\n')[0]).toContain('outpostRef');
    expect(csv).toContain('req-2.1');
    expect(t.sb.ledger().find((e) => e.to === '34600000002')?.text).toBe('Sale Ana');
  });

  it('refuses tags without a campaignName (126)', async () => {
    const res = await sendSms(t.sb, {
      from: 'SHOP',
      to: ['34600000004'],
      message: 'x',
      tags: ['a'],
    });
    expect(res.json.error.code).toBe(126);
  });
});
