import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { SandboxApis, SandboxOptions } from '../../electron/sandbox';

/** A sandbox running in a child process: what a benchmark needs of it. */
export interface SandboxProcess {
  apis: SandboxApis;
  /** Recipients the sandbox accepted more than once (a never-twice failure). */
  duplicates(): Promise<number>;
  /** What the sandbox's own work cost since the previous call (or its start). */
  stats(): Promise<SandboxStats>;
  close(): Promise<void>;
}

/** The simulator's side of a run, measured in its own process. */
export interface SandboxStats {
  /** Requests answered. */
  requests: number;
  /** Summed over requests: from node:http handing it over to its answer written (the added latency included). */
  serverMs: number;
  /** The process's CPU time (user + system). */
  cpuMs: number;
  /** Time its event loop was busy (not waiting for I/O or timers). */
  busyMs: number;
}

/** The first message of the given shape from the child, or its exit as an error. */
function nextMessage<T>(child: ChildProcess, key: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: Record<string, unknown>) => {
      if (!(key in message)) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message[key] as T);
    };
    const onExit = (code: number | null) => {
      child.off('message', onMessage);
      reject(new Error(`the sandbox process exited (code ${code}) before answering "${key}"`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * Starts the sandbox in its own Node process (so its CPU is not the
 * client's): JSON-serialisable options only, and a clock of its own.
 */
export async function startSandboxProcess(
  options: Omit<SandboxOptions, 'clock'>,
): Promise<SandboxProcess> {
  const child = fork(join(__dirname, 'sandbox-child.ts'), [JSON.stringify(options)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const apis = await nextMessage<SandboxApis>(child, 'apis');
  return {
    apis,
    duplicates: () => {
      const answer = nextMessage<number>(child, 'duplicates');
      child.send({ type: 'duplicates' });
      return answer;
    },
    stats: () => {
      const answer = nextMessage<SandboxStats>(child, 'stats');
      child.send({ type: 'stats' });
      return answer;
    },
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send({ type: 'close' });
      }),
  };
}
