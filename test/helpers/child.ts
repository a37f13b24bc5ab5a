import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');

/** Runs a TypeScript file in a new Node process (through tsx), from the project root. */
export function spawnTs(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  stdin: 'ignore' | 'pipe' = 'ignore',
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', resolve(root, file), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: [stdin, 'pipe', 'pipe'],
  });
}

/** Resolves when the child prints a line containing `text` (or exits first). */
export function waitForOutput(
  child: ChildProcess,
  text: string,
  timeoutMs = 20_000,
): Promise<boolean> {
  return new Promise((resolveWait) => {
    let buffer = '';
    const timer = setTimeout(() => finish(false), timeoutMs);
    function finish(found: boolean) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      resolveWait(found);
    }
    function onData(chunk: Buffer) {
      buffer += chunk.toString();
      if (buffer.includes(text)) finish(true);
    }
    function onExit() {
      finish(false);
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((r) => child.once('exit', (code) => r(code)));
}

/** Collects what the child writes, for assertions and failure messages. */
export function collect(child: ChildProcess): { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString();
  });
  return { stdout: () => out, stderr: () => err };
}
