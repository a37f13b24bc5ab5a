// CPU per recipient of the sandbox's 360nrs send, in process: the body parse,
// handleSmsSend and the answer's JSON, on the drain bench's batches (what one
// request costs the simulator apart from the socket). A/B: `--root DIR` loads
// the sandbox from another checkout's tree (e.g. a `git archive` of the base
// with node_modules linked in), and alternating processes give both orders.
//
//   npx tsx bench/sandbox-send-cpu.ts [--root /tmp/hsb-base] [--batch 500] [--requests 600]
import path from 'node:path';
import { buildSmsRequest } from '../electron/core/providers/nrs/send';
import { benchBatch } from './lib/sandbox-ceiling';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const root = path.resolve(arg('root', path.join(__dirname, '..')));
const batch = Number(arg('batch', '500'));
const requests = Number(arg('requests', '600'));
const warmUp = Number(arg('warm', '40'));

/** What one sandbox process of the drain bench holds: 5,000 warm-up recipients and a 10,000 drain. */
const PER_STORE = 15_000;

async function main(): Promise<void> {
  const sb = path.join(root, 'electron/sandbox');
  const { NrsStore } = await import(path.join(sb, 'nrs/store.ts'));
  const { handleSmsSend } = await import(path.join(sb, 'nrs/send.ts'));
  const { Ledger } = await import(path.join(sb, 'ledger.ts'));
  const { Wallet } = await import(path.join(sb, 'wallet.ts'));
  const { createRng } = await import(path.join(sb, 'prng.ts'));
  const { systemClock } = await import(path.join(sb, 'clock.ts'));
  const freshStore = () =>
    new NrsStore({
      clock: systemClock,
      rng: createRng(1),
      ledger: new Ledger(),
      wallet: new Wallet(1e9),
      delivery: { sentAfterMs: 2_000, finalAfterMs: 8_000 },
    });
  const perStore = Math.max(1, Math.floor(PER_STORE / batch));
  const bodies: string[] = [];
  for (let r = 0; r < perStore; r++)
    bodies.push(JSON.stringify(buildSmsRequest(benchBatch(r * batch, batch))));
  // A fresh store every PER_STORE recipients, as a fresh sandbox process of the bench has.
  let store = freshStore();
  let sent = 0;
  const send = () => {
    if (sent === perStore) {
      store = freshStore();
      sent = 0;
    }
    const reply = handleSmsSend(store, bodies[sent++] as string);
    return Buffer.from(JSON.stringify(reply.body), 'utf8').length;
  };
  for (let r = 0; r < warmUp; r++) send();
  const cpu0 = process.cpuUsage();
  let bytes = 0;
  for (let r = 0; r < requests; r++) bytes += send();
  const cpu = process.cpuUsage(cpu0);
  const micros = cpu.user + cpu.system;
  console.log(
    JSON.stringify({
      root,
      batch,
      requests,
      cpuMsPerRequest: +(micros / requests / 1000).toFixed(3),
      usPerRecipient: +(micros / (requests * batch)).toFixed(2),
      answerBytes: bytes,
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
