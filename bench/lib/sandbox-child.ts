// The sandbox as its own process, for benchmarks that must not share their
// CPU (or their event loop) with the simulator: started by `sandbox-process.ts`
// with an IPC channel. It sends `{ apis }` once listening, answers `duplicates`
// with the number of recipients the ledger holds more than once, and closes on
// `close` (or when its parent goes away).
import { startSandbox } from '../../electron/sandbox';

type Request = { type: 'duplicates' } | { type: 'close' };

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as Parameters<typeof startSandbox>[0];
  const sandbox = await startSandbox(options);
  const send = (message: unknown) => process.send?.(message);
  const close = async () => {
    await sandbox.close();
    process.disconnect?.();
  };
  process.on('disconnect', () => void sandbox.close());
  process.on('message', (request: Request) => {
    if (request.type === 'duplicates')
      send({ duplicates: sandbox.ledger().filter((e) => e.times > 1).length });
    else void close();
  });
  send({ apis: sandbox.apis });
}

void main();
