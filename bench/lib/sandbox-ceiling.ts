// The simulator's own ceiling at a drain configuration: a client that does
// nothing but send (no database, no adapter, bodies built before the clock
// starts) the same requests the outbox would, `concurrency` at a time over
// keep-alive connections. If this is far below concurrency × batch ÷ latency,
// the bench is measuring the simulator, and a drain is judged against both.
import { performance } from 'node:perf_hooks';
import { Agent } from 'undici';
import { buildSmsRequest } from '../../electron/core/providers/nrs/send';
import type { SandboxApis } from '../../electron/sandbox';
import type { OutgoingBatch } from '../../shared/domain/message';

export interface CeilingRun {
  requests: number;
  wallMs: number;
  msgPerSec: number;
  /** One answer as the sandbox wrote it (for timing the adapter's parse on real data). */
  sampleAnswer: string;
}

/** The batch the engine would send for rows `first…first+size-1` of the drain bench. */
export function benchBatch(first: number, size: number): OutgoingBatch {
  const tag = `outpost-bench-${first}`;
  return {
    from: 'OUTPOST',
    text: 'Hola {name}, tu pedido {order} está listo.',
    encoding: 'ucs2',
    maxParts: 2,
    campaignName: 'Outpost',
    tags: [tag],
    recipients: Array.from({ length: size }, (_, k) => {
      const i = first + k;
      return {
        to: `346${String(10_000_000 + i).padStart(8, '0')}`,
        fields: { name: `Cliente ${i}`, order: String(100_000 + i) },
        ref: `${tag}.${i + 1}`,
      };
    }),
  };
}

/** Recipients a warm-up sends, numbered apart from every drain's (which start at 0). */
const WARM_UP = { first: 1_000_000, count: 5_000 };

/**
 * Sends the simulator the requests of a short drain at this configuration,
 * to recipients no drain uses, so that a fresh sandbox process is measured
 * with its code compiled (as a provider's long-running server would be), not
 * while V8 is still warming up: a drain of 20 requests of 500 is otherwise
 * measured mostly on cold code.
 */
export async function warmSandbox(
  apis: SandboxApis,
  options: { concurrency: number; batchSize: number },
): Promise<void> {
  await sandboxCeiling(apis, { ...options, ...WARM_UP });
}

export async function sandboxCeiling(
  apis: SandboxApis,
  options: { concurrency: number; batchSize: number; count: number; first?: number },
): Promise<CeilingRun> {
  const { concurrency, batchSize, count, first: from = 0 } = options;
  const url = new URL(`${apis.nrs.baseUrl}/api/rest/sms`);
  const auth = Buffer.from(`${apis.nrs.username}:${apis.nrs.password}`).toString('base64');
  const bodies: string[] = [];
  for (let first = from; first < from + count; first += batchSize)
    bodies.push(JSON.stringify(buildSmsRequest(benchBatch(first, batchSize))));
  const agent = new Agent();
  let next = 0;
  let sampleAnswer = '';
  const slot = async () => {
    for (let i = next++; i < bodies.length; i = next++) {
      const res = await agent.request({
        origin: url.origin,
        path: url.pathname,
        method: 'POST',
        headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
        body: bodies[i],
      });
      const text = await res.body.text();
      if (res.statusCode !== 202 && res.statusCode !== 207)
        throw new Error(`the sandbox answered ${res.statusCode}: ${text.slice(0, 200)}`);
      sampleAnswer ||= text;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, slot));
  const wallMs = performance.now() - start;
  await agent.close();
  return {
    requests: bodies.length,
    wallMs,
    msgPerSec: (bodies.length * batchSize) / (wallMs / 1000),
    sampleAnswer,
  };
}
