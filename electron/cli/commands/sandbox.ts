import { isIP } from 'node:net';
import type { Command } from 'commander';
import {
  parseFaultSpec,
  type SandboxApis,
  type SandboxHandle,
  type SandboxOptions,
  startSandbox,
} from '../../sandbox';
import { UsageError } from '../errors';
import type { GlobalOptions } from '../io';

/** Raw option values as commander hands them over (all strings). */
export interface SandboxCliOptions {
  port?: string;
  allowIp?: string;
  credits?: string;
  faults?: string;
  seed?: string;
}

/** Checks the command line and turns it into sandbox options; bad values are usage errors. */
export function parseSandboxCliOptions(raw: SandboxCliOptions): SandboxOptions {
  const opts: SandboxOptions = { host: '127.0.0.1' };
  opts.port = integer(raw.port ?? '0', '--port', 0, 65_535);
  const ips = (raw.allowIp ?? '127.0.0.1')
    .split(',')
    .map((ip) => ip.trim())
    .filter((ip) => ip !== '');
  const bad = ips.find((ip) => isIP(ip) === 0);
  if (bad !== undefined || ips.length === 0) {
    throw new UsageError(
      `--allow-ip needs IP addresses separated by commas, and "${bad ?? ''}" is not one.`,
    );
  }
  opts.allowIps = ips;
  if (raw.credits !== undefined) opts.credits = amount(raw.credits, '--credits');
  if (raw.seed !== undefined) opts.seed = integer(raw.seed, '--seed', 0, 2 ** 32 - 1);
  if (raw.faults !== undefined) {
    try {
      opts.faults = parseFaultSpec(raw.faults);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  return opts;
}

function integer(text: string, flag: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < min || n > max) {
    throw new UsageError(`${flag} needs a whole number from ${min} to ${max}, not "${text}".`);
  }
  return n;
}

/** An amount of money: digits with up to 4 decimals (coverage prices have 4). */
function amount(text: string, flag: string): number {
  if (!/^\d{1,12}(\.\d{1,4})?$/.test(text.trim())) {
    throw new UsageError(`${flag} needs an amount in EUR such as 25 or 12.50, not "${text}".`);
  }
  return Number(text);
}

/** The first stdout line: with --json exactly `{"apis":{...}}` (DESIGN.md), else a one-line summary. */
export function firstLine(apis: SandboxApis, json: boolean): string {
  if (json) return JSON.stringify({ apis });
  const origin = new URL(apis.nrs.baseUrl).origin;
  return (
    `Outpost sandbox on ${origin}: ` +
    `nrs ${apis.nrs.baseUrl} (username "${apis.nrs.username}", password "${apis.nrs.password}"); ` +
    `action ${apis.action.baseUrl} (secret key "${apis.action.secretKey}"); ` +
    `addressbook ${apis.addressbook.baseUrl} (token "${apis.addressbook.token}"); ` +
    `tags ${apis.tags.baseUrl} (API key "${apis.tags.apiKey}")`
  );
}

/**
 * Starts the sandbox, prints the first line, and runs until `stopped` settles
 * (SIGINT / SIGTERM in the real command), then closes it.
 */
export async function runSandboxCommand(
  raw: SandboxCliOptions,
  json: boolean,
  out: (text: string) => void,
  stopped: Promise<unknown>,
): Promise<SandboxHandle> {
  const sandbox = await startSandbox(parseSandboxCliOptions(raw));
  out(`${firstLine(sandbox.apis, json)}\n`);
  if (!json) out('Press Ctrl+C to stop.\n');
  await stopped;
  await sandbox.close();
  return sandbox;
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `outpost sandbox [--port P] [--allow-ip IP,...] [--credits N] [--faults SPEC] [--seed N]`. */
export function registerSandboxCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('sandbox')
    .description('run the provider simulator (all four APIs) on 127.0.0.1 until Ctrl+C')
    .option('--port <port>', 'port to listen on (0 = any free port)', '0')
    .option(
      '--allow-ip <ips>',
      'source addresses the nrs API accepts, comma-separated',
      '127.0.0.1',
    )
    .option(
      '--credits <eur>',
      'the account balance in EUR, charged per part at the coverage price (default 10000)',
    )
    .option(
      '--faults <spec>',
      'e.g. latency=50,5xx=0.1,429=0.05:2,reset-before=0.05,reset-after=0.05',
    )
    .option('--seed <n>', 'makes faults, ids and demo data repeatable')
    .action(async (raw: SandboxCliOptions) => {
      await runSandboxCommand(
        raw,
        globals().json,
        (text) => process.stdout.write(text),
        untilSignal(),
      );
    });
}
