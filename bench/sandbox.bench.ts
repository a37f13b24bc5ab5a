import { Agent, request } from 'undici';
import { startSandbox } from '../electron/sandbox';
import { peakRssMiB, table, writeSection } from './lib/results';

/**
 * How fast the provider simulator answers, so tests and benchmarks of the outbox know
 * the sandbox is not their bottleneck: batched sends, status polls, the events report.
 */
const SENDS = 2_000;
const BATCH = 10;
const CONCURRENCY = 16;

async function main(): Promise<void> {
  const sb = await startSandbox({
    credits: 10_000_000,
    delivery: { sentAfterMs: 0, finalAfterMs: 0 },
  });
  const agent = new Agent({ connections: CONCURRENCY });
  const auth = `Basic ${Buffer.from(`${sb.apis.nrs.username}:${sb.apis.nrs.password}`).toString('base64')}`;
  const headers = { authorization: auth, 'content-type': 'application/json' };
  const nrs = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const res = await request(`${sb.apis.nrs.baseUrl}${path}`, {
      method,
      headers,
      dispatcher: agent,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.statusCode, text: await res.body.text() };
  };
  const ids: string[] = [];
  const rows: (string | number)[][] = [];

  const sendOnce = async (i: number) => {
    const to = Array.from(
      { length: BATCH },
      (_, k) => `346${String(i * BATCH + k).padStart(8, '0')}`,
    );
    const res = await nrs('POST', '/api/rest/sms', {
      from: 'BENCH',
      to,
      message: 'Hello {name}',
      sub: to.map((_, k) => ({ name: `n${k}` })),
      campaignName: 'BENCH',
    });
    if (res.status !== 202) throw new Error(`send answered ${res.status}`);
    for (const r of JSON.parse(res.text).result) ids.push(r.id);
  };
  rows.push(
    await timed(`POST /sms, ${BATCH} recipients, ${CONCURRENCY} in flight`, SENDS, () =>
      pool(SENDS, CONCURRENCY, sendOnce),
    ),
  );

  const polls = 1_000;
  rows.push(
    await timed('GET /sms/<50 ids>', polls, () =>
      pool(polls, CONCURRENCY, async (i) => {
        const slice = ids.slice((i * 50) % (ids.length - 50), ((i * 50) % (ids.length - 50)) + 50);
        const res = await nrs('GET', `/api/rest/sms/${slice.join(',')}`);
        if (res.status !== 200) throw new Error(`status answered ${res.status}`);
      }),
    ),
  );

  const campaigns = JSON.parse((await nrs('GET', '/api/rest/campaigns?name=BENCH')).text);
  const sendingId = campaigns.data[0].sendings.data[0].id;
  let csvBytes = 0;
  rows.push(
    await timed(`events report, ${ids.length} messages`, 5, () =>
      pool(5, 1, async () => {
        csvBytes = (await nrs('GET', `/api/rest/sendings/${sendingId}/reports/events`)).text.length;
      }),
    ),
  );
  rows.push(
    await timed('GET /contacts?limit=1000 (demo data)', 200, () =>
      pool(200, CONCURRENCY, async () => {
        await nrs('GET', '/api/rest/contacts?limit=1000&include=customFields,groups');
      }),
    ),
  );

  await agent.close();
  await sb.close();
  const body = `${table(['operation', 'requests', 'total ms', 'requests/s', 'p50 ms'], rows)}\n\nEvents report size: ${Math.round(csvBytes / 1024)} KiB. Peak RSS: ${peakRssMiB()} MiB.`;
  console.log(body);
  writeSection('sandbox', 'Sandbox (provider simulator) throughput', body);
}

/** Runs `count` jobs with at most `width` at once; each job's latency is recorded. */
const latencies: number[] = [];
async function pool(
  count: number,
  width: number,
  job: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const start = performance.now();
      await job(i);
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
}

async function timed(
  name: string,
  count: number,
  run: () => Promise<void>,
): Promise<(string | number)[]> {
  latencies.length = 0;
  const start = performance.now();
  await run();
  const ms = performance.now() - start;
  const sorted = [...latencies].sort((a, b) => a - b);
  const p50 = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return [name, count, Math.round(ms), Math.round((count / ms) * 1000), p50.toFixed(2)];
}

void main();
