// CLI start-up (section `cli-startup` of bench/RESULTS.md): how long `outpost`
// takes to answer `--help`, `outbox status --json` (on a small profile this
// creates) and `segments` (text on stdin), each against bare `node -e 0` started
// in turn with it, so both see the same machine. Target: at most 2x bare node for
// `--help` and `outbox status`. The machine is shared, so the table gives minima
// and medians, and the ratio is the median of the per-pair ratios.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureCliBundle } from '../scripts/cli-bundle.cjs';
import { tempDir } from '../test/helpers/temp-dir';
import { table, writeSection } from './lib/results';

const ROOT = resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const WARMUP = 2;

interface Case {
  label: string;
  command: string[];
  stdin?: string;
  runs?: number;
}

function wallMs(command: string[], stdin?: string): number {
  const [file = '', ...args] = command;
  const start = performance.now();
  const r = spawnSync(file, args, { cwd: ROOT, input: stdin ?? '', stdio: 'pipe' });
  const ms = performance.now() - start;
  if (r.status !== 0) {
    throw new Error(`${command.join(' ')} exited ${r.status}: ${r.stderr.toString().trim()}`);
  }
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Runs the case and bare node in turn (A B A B …), after a warm-up of both. */
function measure(c: Case): (string | number)[] {
  const bare = ['node', '-e', '0'];
  const runs = c.runs ?? RUNS;
  for (let i = 0; i < WARMUP; i += 1) {
    wallMs(c.command, c.stdin);
    wallMs(bare);
  }
  const ours: number[] = [];
  const node: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const a = wallMs(c.command, c.stdin);
    const b = wallMs(bare);
    ours.push(a);
    node.push(b);
    ratios.push(a / b);
  }
  const fmt = (ms: number) => ms.toFixed(0);
  return [
    c.label,
    runs,
    fmt(Math.min(...node)),
    fmt(median(node)),
    fmt(Math.min(...ours)),
    fmt(median(ours)),
    `${median(ratios).toFixed(2)}×`,
  ];
}

function main(): void {
  const entry = ensureCliBundle();
  const loadAtStart = loadavg()[0] ?? 0;
  const profile = tempDir('outpost-bench-cli-');
  const cli = (...args: string[]) => [process.execPath, entry, ...args];
  const launcher = (...args: string[]) => [
    process.execPath,
    join(ROOT, 'scripts', 'outpost.cjs'),
    ...args,
  ];
  // A small profile: one account and three queued messages.
  const env = { ...process.env, BENCH_SECRET: 'x' };
  const setup = [
    ['account', 'add', '--name', 'Main', '--provider', 'nrs', '--base-url', 'http://127.0.0.1:9'],
    ['--username', 'u', '--secret-env', 'BENCH_SECRET'],
  ];
  const add = spawnSync(process.execPath, [entry, '--data-dir', profile.path, ...setup.flat()], {
    env,
  });
  if (add.status !== 0) throw new Error(add.stderr.toString());
  for (const to of ['+34600000001', '+34600000002', '+34600000003']) {
    const send = [
      ...['--data-dir', profile.path, 'send', '--account', 'Main', '--to', to],
      ...['--from', 'SHOP', '--text', 'Your order is ready'],
    ];
    const r = spawnSync(process.execPath, [entry, ...send], { env });
    if (r.status !== 0) throw new Error(r.stderr.toString());
  }
  const status = ['--data-dir', profile.path, 'outbox', 'status', '--json'];
  const text = 'Olá, o seu pedido 1234 está pronto para levantar.\n';

  const cases: Case[] = [
    { label: '`node out/cli/outpost.cjs --help`', command: cli('--help') },
    { label: '`node out/cli/outpost.cjs outbox status --json`', command: cli(...status) },
    { label: '`node out/cli/outpost.cjs segments` (stdin)', command: cli('segments'), stdin: text },
    { label: '`outpost --help` (the bin, checks the sources)', command: launcher('--help') },
    { label: '`outpost outbox status --json` (the bin)', command: launcher(...status) },
    {
      label: '`npm run -s outpost -- outbox status --json`',
      command: ['npm', 'run', '-s', 'outpost', '--', ...status],
      runs: 7,
    },
    {
      label: 'before: `node --import tsx electron/cli/index.ts outbox status --json`',
      command: ['node', '--import', 'tsx', 'electron/cli/index.ts', ...status],
      runs: 5,
    },
  ];
  const rows = cases.map((c) => {
    const row = measure(c);
    console.log(row.join(' | '));
    return row;
  });
  profile.remove();

  const body = [
    `Wall time of the whole process, spawned from Node; each command run in turn with bare \`node -e 0\` (${WARMUP} warm-up pairs, then the runs shown). The machine is shared with other work (1-minute load average ${loadAtStart.toFixed(1)} at the start of this run), so minima and medians are given, and the ratio is the median of the per-pair ratios. Target: ≤ 2× bare node for \`--help\` and \`outbox status\`.`,
    '',
    table(
      [
        'command',
        'runs',
        'node -e 0 min ms',
        'node -e 0 median ms',
        'command min ms',
        'command median ms',
        'ratio (median of pairs)',
      ],
      rows,
    ),
  ].join('\n');
  console.log(`\n${body}`);
  writeSection('cli-startup', 'CLI start-up (bench/cli-startup.bench.ts)', body);
}

main();
