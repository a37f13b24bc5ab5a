import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { SandboxApis, SandboxOptions } from '../../electron/sandbox';

/** A sandbox running in a child process: what a benchmark needs of it. */
export interface SandboxProcess {
  apis: SandboxApis;
  /** Recipients the sandbox accepted more than once (a never-twice failure). */
  duplicates(): Promise<number>;
  close(): Promise<void>;
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
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send({ type: 'close' });
      }),
  };
}
