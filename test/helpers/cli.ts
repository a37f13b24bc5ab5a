import { spawn } from 'node:child_process';
import { cliEntry } from '../../scripts/cli-bundle.cjs';
import { collect, exited } from './child';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `outpost <args>` as a separate process, as a person (or a script) would:
 * plain `node` on the built bundle (test/setup/cli-bundle.ts builds it first).
 */
export async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  stdin?: string,
): Promise<CliResult> {
  const child = spawn(process.execPath, [cliEntry(), ...args], {
    env: { ...process.env, ...env },
    stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  const output = collect(child);
  if (stdin !== undefined) child.stdin?.end(stdin);
  const code = await exited(child);
  return { code, stdout: output.stdout(), stderr: output.stderr() };
}

/** The `account add` arguments for an nrs account on a sandbox, its secret in `secretEnv`. */
export function addNrsAccountArgs(
  name: string,
  nrs: { baseUrl: string; username: string },
  secretEnv: string,
): string[] {
  return [
    'account',
    'add',
    '--name',
    name,
    '--provider',
    'nrs',
    '--base-url',
    nrs.baseUrl,
    '--username',
    nrs.username,
    '--secret-env',
    secretEnv,
  ];
}
