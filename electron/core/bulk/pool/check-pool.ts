import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { RowInspection } from '../row-check';
import type { CheckSetup, RowToCheck } from './check-setup';

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

export interface CheckPool {
  readonly threads: number;
  /** Inspects one chunk of rows in a worker. */
  inspect(setup: CheckSetup, rows: RowToCheck[]): Promise<RowInspection[]>;
  /** Stops every worker, also one still starting or running (its chunk's promise rejects); idempotent. */
  close(): Promise<void>;
}

/** A pool of `threads` workers for one check, or null when this build has no worker script. */
export async function openCheckPool(threads = poolThreads()): Promise<CheckPool | null> {
  const filename = locateCheckWorker();
  if (!filename) return null;
  // tinypool is ESM and starts its workers from its own files, so it stays in node_modules.
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({
    filename,
    name: 'inspectRows',
    minThreads: threads,
    maxThreads: threads,
    // A worker keeps its checker (template, rules caches) from one chunk to the next.
    isolateWorkers: false,
    execArgv: WORKER_EXEC_ARGV,
  });
  let closed: Promise<void> | undefined;
  return {
    threads,
    inspect: (setup, rows) => pool.run({ setup, rows }),
    close: () => {
      closed ??= pool.destroy();
      return closed;
    },
  };
}
