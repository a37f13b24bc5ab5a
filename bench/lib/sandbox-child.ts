// The sandbox as its own process, for benchmarks that must not share their
// CPU (or their event loop) with the simulator: started by `sandbox-process.ts`
// with an IPC channel. It sends `{ apis }` once listening, answers `duplicates`
// with the number of recipients the ledger holds more than once, `stats` with
// what its own work cost since the last `stats` (see SandboxStats), and closes
// on `close` (or when its parent goes away).
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { startSandbox } from '../../electron/sandbox';
import type { SandboxStats } from './sandbox-process';

type Request = { type: 'duplicates' } | { type: 'stats' } | { type: 'close' };

/**
 * Times every request from the moment node:http hands it over to the moment
 * its answer is written (Node's own diagnostics channels, so the simulator's
 * code is measured as it is). The added latency is inside that span.
 */
function requestTimer(): () => { requests: number; serverMs: number } {
  const started = new WeakMap<IncomingMessage, number>();
  let requests = 0;
  let serverMs = 0;
  subscribe('http.server.request.start', (message) => {
    started.set((message as { request: IncomingMessage }).request, performance.now());
  });
  subscribe('http.server.response.finish', (message) => {
    const at = started.get((message as { request: IncomingMessage }).request);
    if (at === undefined) return;
    requests += 1;
    serverMs += performance.now() - at;
  });
  return () => {
    const out = { requests, serverMs };
    requests = 0;
    serverMs = 0;
    return out;
  };
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as Parameters<typeof startSandbox>[0];
  const takeRequests = requestTimer();
  const sandbox = await startSandbox(options);
  const send = (message: unknown) => process.send?.(message);
  let cpuSince = process.cpuUsage();
  let eluSince = performance.eventLoopUtilization();
  const stats = (): SandboxStats => {
    const cpu = process.cpuUsage(cpuSince);
    const elu = performance.eventLoopUtilization(eluSince);
    cpuSince = process.cpuUsage();
    eluSince = performance.eventLoopUtilization();
    return { ...takeRequests(), cpuMs: (cpu.user + cpu.system) / 1000, busyMs: elu.active };
  };
  const close = async () => {
    await sandbox.close();
    process.disconnect?.();
  };
  process.on('disconnect', () => void sandbox.close());
  process.on('message', (request: Request) => {
    if (request.type === 'duplicates')
      send({ duplicates: sandbox.ledger().filter((e) => e.times > 1).length });
    else if (request.type === 'stats') send({ stats: stats() });
    else void close();
  });
  send({ apis: sandbox.apis });
}

void main();
