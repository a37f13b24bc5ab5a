import { spawn } from 'node:child_process';

export interface Command {
  program: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface CommandResult {
  /** null when the program could not be started or was killed by a signal. */
  exitCode: number | null;
  /** The end of what it printed (stdout and stderr), kept to tell a network failure from a compiler one. */
  output: string;
}

/** The step never runs a program itself: it is handed one of these (tests hand it a fake). */
export type RunCommand = (command: Command) => Promise<CommandResult>;

const OUTPUT_TAIL_CHARS = 16_000;

/** Runs the command, showing its output as it comes. */
export function spawnRunner(echo: (chunk: string) => void): RunCommand {
  return (command) =>
    new Promise((resolve) => {
      let tail = '';
      const keep = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        echo(text);
        tail = (tail + text).slice(-OUTPUT_TAIL_CHARS);
      };
      const child = spawn(command.program, command.args, {
        cwd: command.cwd,
        env: command.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.on('error', (error) =>
        resolve({ exitCode: null, output: `${tail}\n${error.message}` }),
      );
      child.on('close', (code) => resolve({ exitCode: code, output: tail }));
    });
}

/**
 * npm passes its config to scripts as npm_config_* variables, and prebuild-install
 * and node-gyp obey them: a `nodedir` in .npmrc would make node-gyp compile against
 * Node's headers and produce a Node-ABI binary. The step names its target itself.
 */
const REDIRECTING_SETTINGS =
  /^npm_config_(nodedir|target|target_arch|target_platform|runtime|disturl|dist_url|arch|platform|build_from_source|devdir)$/i;

export function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !REDIRECTING_SETTINGS.test(key)));
}
