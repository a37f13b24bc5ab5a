import { request as httpRequest } from 'node:http';
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFaultSpec } from '../../../electron/sandbox';
import { basic, call, nrs, sandboxForThisFile, sendSms, startTestSandbox } from './helpers';

const t = sandboxForThisFile();
afterEach(() => {
  t.sb.setFaults(null);
});

const ok = { from: 'TEST', message: 'Fault test' };
const recorded = (to: string) =>
  t.sb
    .ledger()
    .filter((e) => e.to === to)
    .reduce((n, e) => n + e.times, 0);

/** A request whose transport error (if any) is returned instead of thrown. */
async function attempt(
  to: string,
  timeouts: { headersTimeout?: number; bodyTimeout?: number } = {},
) {
  const agent = new Agent({ ...timeouts });
  try {
    const res = await request(`${t.sb.apis.nrs.baseUrl}/api/rest/sms`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: basic(t.sb.apis.nrs.username, t.sb.apis.nrs.password),
      },
      body: JSON.stringify({ ...ok, to: [to] }),
      dispatcher: agent,
    });
    return { status: res.statusCode, text: await res.body.text() };
  } catch (error) {
    return { error: (error as { code?: string }).code ?? String(error) };
  } finally {
    await agent.destroy();
  }
}

describe('fault spec', () => {
  it('parses the documented example', () => {
    expect(
      parseFaultSpec(
        'latency=50,5xx=0.1,429=0.05:2,reset-before=0.05,reset-after=0.05,slow-body=0.02,bad-json=0.01',
      ),
    ).toEqual({
      latencyMs: 50,
      error5xx: 0.1,
      rateLimit: { share: 0.05, retryAfterSeconds: 2 },
      resetBefore: 0.05,
      resetAfter: 0.05,
      slowBody: { share: 0.02, delayMs: 2000 },
      badJson: 0.01,
    });
    expect(parseFaultSpec('latency=20-200,slow-body=1:300')).toEqual({
      latencyMs: [20, 200],
      slowBody: { share: 1, delayMs: 300 },
    });
  });

  it.each(['5xx=2', 'boom=0.1', '429=x', 'latency=-1'])('refuses %s with a sentence', (spec) => {
    expect(() => parseFaultSpec(spec)).toThrow(/\.$/);
  });
});

describe('each fault kind', () => {
  it('5xx: answers 500 / 101 (nrs) or 503 (others) and records nothing', async () => {
    t.sb.setFaults('5xx=1');
    const res = await sendSms(t.sb, { ...ok, to: ['34620000001'] });
    expect([res.status, res.json]).toEqual([
      500,
      { error: { code: 101, description: 'Internal Database error' } },
    ]);
    expect(recorded('34620000001')).toBe(0);
    const tags = await call(`${t.sb.apis.tags.baseUrl}/v1/contacts`, 'GET', {
      headers: { 'x-api-key': t.sb.apis.tags.apiKey },
    });
    expect(tags.status).toBe(503);
  });

  it('429: answers with Retry-After and records nothing', async () => {
    t.sb.setFaults({ rateLimit: { share: 1, retryAfterSeconds: 7 } });
    const res = await sendSms(t.sb, { ...ok, to: ['34620000002'] });
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('7');
    expect(recorded('34620000002')).toBe(0);
  });

  it('reset-before: the connection drops and nothing is recorded', async () => {
    t.sb.setFaults('reset-before=1');
    const res = await attempt('34620000003');
    expect(res).toHaveProperty('error');
    expect(recorded('34620000003')).toBe(0);
  });

  it('reset-after: the connection drops but the send IS recorded (the ambiguous case)', async () => {
    t.sb.setFaults('reset-after=1');
    const before = t.sb.balance();
    const res = await attempt('34620000004');
    expect(res).toHaveProperty('error');
    expect(recorded('34620000004')).toBe(1);
    expect(t.sb.balance()).toBeCloseTo(before - t.sb.partPrice('34620000004'), 6);
    t.sb.setFaults(null);
    const campaigns = await nrs(t.sb, 'GET', '/api/rest/campaigns');
    expect(campaigns.status).toBe(200);
  });

  it('bad-json: the send is recorded and the body cannot be parsed', async () => {
    t.sb.setFaults('bad-json=1');
    const res = await attempt('34620000005');
    expect(res.status).toBe(202);
    expect(() => JSON.parse(res.text ?? '')).toThrow();
    expect(recorded('34620000005')).toBe(1);
  });

  it('slow-body: the body stalls midway (a client body timeout fires), without slow-body it arrives', async () => {
    t.sb.setFaults('slow-body=1:5000');
    const stalled = await attempt('34620000006', { bodyTimeout: 250 });
    expect(stalled).toEqual({ error: 'UND_ERR_BODY_TIMEOUT' });
    expect(recorded('34620000006')).toBe(1);
  });

  it('latency: a body still arriving during the delay is read whole, each recipient once', async () => {
    t.sb.setFaults('latency=150');
    const to = ['34620000011', '34620000012'];
    const body = Buffer.from(JSON.stringify({ ...ok, to }));
    const url = new URL(`${t.sb.apis.nrs.baseUrl}/api/rest/sms`);
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          agent: false,
          headers: {
            'content-type': 'application/json',
            'content-length': body.length,
            authorization: basic(t.sb.apis.nrs.username, t.sb.apis.nrs.password),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.subarray(0, 20));
      setTimeout(() => req.end(body.subarray(20)), 60);
    });
    expect(answer.status).toBe(202);
    expect(JSON.parse(answer.text).result.map((r: { to: string }) => r.to)).toEqual(to);
    expect(to.map(recorded)).toEqual([1, 1]);
  });

  it('reset-before with the body still arriving: nothing recorded, and the next send is answered', async () => {
    t.sb.setFaults('latency=50,reset-before=1');
    expect(await attempt('34620000013')).toHaveProperty('error');
    t.sb.setFaults(null);
    expect((await sendSms(t.sb, { ...ok, to: ['34620000014'] })).status).toBe(202);
    expect([recorded('34620000013'), recorded('34620000014')]).toEqual([0, 1]);
  });

  it('latency: a send is recorded as soon as it arrives, while its answer is still delayed', async () => {
    // A provider works on a request inside its round trip: asked meanwhile (a
    // reconciliation), it already has the message, so nothing is sent twice.
    t.sb.setFaults('latency=5000');
    const res = await attempt('34620000015', { headersTimeout: 250 });
    expect(res).toEqual({ error: 'UND_ERR_HEADERS_TIMEOUT' });
    expect(recorded('34620000015')).toBe(1);
  });

  it('latency: the answer comes after the delay (a shorter headers timeout fires first)', async () => {
    t.sb.setFaults('latency=5000');
    const res = await attempt('34620000007', { headersTimeout: 250 });
    expect(res).toEqual({ error: 'UND_ERR_HEADERS_TIMEOUT' });
  });
});

describe('determinism', () => {
  async function statuses(seed: number): Promise<number[]> {
    const own = await startTestSandbox({ seed, faults: '5xx=0.3,429=0.3' });
    try {
      const out: number[] = [];
      for (let i = 0; i < 24; i++) out.push((await nrs(own.sb, 'GET', '/api/rest/account')).status);
      return out;
    } finally {
      await own.sb.close();
    }
  }

  it('draws the same faults in the same order for the same seed', async () => {
    const a = await statuses(42);
    expect(await statuses(42)).toEqual(a);
    expect(new Set(a)).toEqual(new Set([200, 429, 500]));
    expect(await statuses(43)).not.toEqual(a);
  });

  it('gives the same ids and demo data for the same seed', async () => {
    const ids: string[][] = [];
    for (let run = 0; run < 2; run++) {
      const own = await startTestSandbox({ seed: 5 });
      try {
        const res = await sendSms(own.sb, { ...ok, to: ['34620000008', '34620000009'] });
        const contacts = await nrs(own.sb, 'GET', '/api/rest/contacts?limit=3');
        ids.push([
          ...res.json.result.map((r: { id: string }) => r.id),
          JSON.stringify(contacts.json.data),
        ]);
      } finally {
        await own.sb.close();
      }
    }
    expect(ids[1]).toEqual(ids[0]);
  });

  it('counts requests, faulted ones included, so polling can be bounded', async () => {
    const before = t.sb.requestCount({ method: 'GET', pathPrefix: '/nrs/api/rest/sms/' });
    t.sb.setFaults('5xx=1');
    await nrs(t.sb, 'GET', '/api/rest/sms/XXXXXXXXXXXXX');
    t.sb.setFaults(null);
    await nrs(t.sb, 'GET', '/api/rest/sms/XXXXXXXXXXXXX');
    expect(t.sb.requestCount({ method: 'GET', pathPrefix: '/nrs/api/rest/sms/' })).toBe(before + 2);
  });
});
