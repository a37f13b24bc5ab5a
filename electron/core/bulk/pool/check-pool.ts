import { setMaxListeners } from 'node:events';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type Tinypool from 'tinypool';
import { POOL } from '../limits';
import type { RowInspection } from '../row-check';
import type { CheckSetup, RowToCheck } from './check-setup';
import type { SliceResult, SliceTask } from './slice-check';

/** The worker's file name in the built bundles (an entry of vite.cli.config.mts and electron.vite.config.ts). */
export const CHECK_WORKER_ENTRY = 'bulk-check-worker';

/**
 * The worker script for this build: the bundles put their compiled copy
 * beside themselves (out/main/, out/cli/; this code may sit in out/cli/chunks/),
 * and unbuilt code (vitest, tsx) bundles the TypeScript source once per
 * process (`check-worker-source.cjs`), so its workers also start as built JS.
 * null when none is there: the check then runs in this thread.
 */
export function locateCheckWorker(): string | null {
  if (__filename.endsWith('.ts')) return unbuiltCheckWorker();
  const candidates = [__dirname, dirname(__dirname)].flatMap((dir) => [
    join(dir, `${CHECK_WORKER_ENTRY}.cjs`),
    join(dir, `${CHECK_WORKER_ENTRY}.js`),
  ]);
  return candidates.find((file) => existsSync(file)) ?? null;
}

/** Required by path only when running from source, so no bundle ever pulls esbuild in. */
function unbuiltCheckWorker(): string {
  const source = createRequire(__filename)('./check-worker-source.cjs') as {
    builtCheckWorker(): string;
  };
  return source.builtCheckWorker();
}

/** Threads for a check: both cores here; more cores help less, the parse stays in one thread. */
export function poolThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * The worker runs built JS, so it needs none of the process's loader flags:
 * inherited, `--import tsx` (the benches, `npm run web`) made every worker
 * start tsx's hooks and route each require through them.
 */
export const WORKER_EXEC_ARGV: string[] = [];

/**
 * A pool worker's heap limits (bench/RESULTS.md, round 7 hcsv: a
 * 1,000,000-row check peaked at 473 MiB of RSS without them, 368–410 with the
 * old space at 192 MiB, 363 with the young space at 16 MiB too; 8 MiB took
 * it to 319–340 but looked ~10–20 % dearer in GC CPU). Round 9: with the
 * phone check ~10× cheaper a row, 16 MiB of young space peaked at 378–410 MiB
 * and 8 MiB at 360–367 in five runs, with no time lost beyond the noise.
 */
export const WORKER_HEAP_LIMITS = { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 8 };

export interface CheckPool {
  readonly threads: number;
  /** Inspects one chunk of parsed rows in a worker. */
  inspect(setup: CheckSetup, rows: RowToCheck[]): Promise<RowInspection[]>;
  /** Reads, parses and inspects one slice of the file in a worker. */
  checkSlice(task: SliceTask): Promise<SliceResult>;
  /**
   * Ends this check's use of the pool: its tasks still queued or running
   * reject at once (a running one's worker is stopped, and replaced); the
   * warm workers stay for the next check. Idempotent.
   */
  close(): Promise<void>;
}

interface WarmPool {
  pool: Tinypool;
  threads: number;
  checks: number;
  idle: NodeJS.Timeout | undefined;
}

let warm: Promise<WarmPool | null> | undefined;

/**
 * This check's use of the process's warm pool of `threads` workers, or null
 * when this build has no worker script. The workers are started once and
 * kept between checks (the wizard's analysis, then its start, reuse them: a
 * fresh worker costs ~0.3 s of CPU to load its tables), and stopped after
 * `POOL.warmIdleMs` without a check. Idle workers never keep the process alive.
 */
export async function openCheckPool(threads = poolThreads()): Promise<CheckPool | null> {
  const shared = await warmPool(threads);
  if (!shared) return null;
  shared.checks++;
  if (shared.idle) clearTimeout(shared.idle);
  shared.idle = undefined;
  const stop = new AbortController();
  // Every task of the check listens to it (tinypool), many more than the default warning's 10.
  setMaxListeners(0, stop.signal);
  const run = <T>(task: unknown, name: string): Promise<T> =>
    shared.pool.run(task, { name, signal: stop.signal });
  let closed: Promise<void> | undefined;
  return {
    threads: shared.threads,
    inspect: (setup, rows) => run({ setup, rows }, 'inspectRows'),
    checkSlice: (task) => run(task, 'checkSlice'),
    close: () => {
      closed ??= release(shared, stop);
      return closed;
    },
  };
}

async function release(shared: WarmPool, stop: AbortController): Promise<void> {
  stop.abort(new Error('The CSV check ended.'));
  shared.checks--;
  if (shared.checks > 0) return;
  shared.idle = setTimeout(() => void closeWarmPool(), POOL.warmIdleMs);
  shared.idle.unref();
}

/** The warm pool, started when none is, or replaced when idle with another size. */
async function warmPool(threads: number): Promise<WarmPool | null> {
  warm ??= startPool(threads);
  const current = await warm;
  // A pool in use serves another check as it is (two checks at once share the cores anyway).
  if (!current || current.threads === threads || current.checks > 0) return current;
  await closeWarmPool();
  return warmPool(threads);
}

async function startPool(threads: number): Promise<WarmPool | null> {
  const filename = locateCheckWorker();
  if (!filename) return null;
  // tinypool is ESM and starts its workers from its own files, so it stays in node_modules.
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({
    filename,
    minThreads: threads,
    maxThreads: threads,
    // A worker keeps its checker (template, rules caches) from one task of a job to the next.
    isolateWorkers: false,
    execArgv: WORKER_EXEC_ARGV,
    // V8 lets each worker's heap grow far past what it keeps alive (its tables, the job's
    // memos, one slice's verdicts: well under 100 MiB) before collecting; with two workers
    // and main that took a 1,000,000-row check to ~470-500 MiB of RSS (bound: 400).
    resourceLimits: WORKER_HEAP_LIMITS,
  });
  return { pool, threads, checks: 0, idle: undefined };
}

/** Stops the warm pool's workers now (tests, and the idle timer). */
export async function closeWarmPool(): Promise<void> {
  const current = await warm;
  warm = undefined;
  if (!current) return;
  if (current.idle) clearTimeout(current.idle);
  await current.pool.destroy();
}
