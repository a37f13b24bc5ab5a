import { type Command, Option } from 'commander';
import {
  addAccount,
  findAccountByName,
  listAccounts,
  setLocalAddress,
} from '../../core/accounts/repository';
import { MANUAL_PAUSE, pauseManually, resumeAccount } from '../../core/outbox/pause';
import { output, withContext } from '../context';
import { UsageError } from '../errors';
import type { GlobalOptions } from '../io';
import { registerAccountSettings } from './account-settings';

const PROVIDERS = ['nrs', 'action', 'addressbook', 'tags'] as const;

interface AddOptions {
  name: string;
  provider: (typeof PROVIDERS)[number];
  baseUrl: string;
  username?: string;
  secretEnv?: string;
  localAddress?: string;
}

function checkBaseUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--base-url "${url}" is not a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new UsageError(`--base-url must be an http(s) address, not ${parsed.protocol}`);
  }
}

export function registerAccountCommand(program: Command, globals: () => GlobalOptions): void {
  const account = program.command('account').description('provider accounts');

  account
    .command('add')
    .description('add an account; its secret is read from an environment variable, never from argv')
    .requiredOption('--name <name>', 'a name to refer to the account by')
    .addOption(
      new Option('--provider <provider>', 'provider API').choices(PROVIDERS).makeOptionMandatory(),
    )
    .requiredOption('--base-url <url>', 'the provider API address for this account')
    .option('--username <user>', 'user name (nrs: the API user)')
    .option('--secret-env <VAR>', 'environment variable holding the password, token or key')
    .option('--local-address <ip>', 'source address to send from (machines with several networks)')
    .action((o: AddOptions) => {
      checkBaseUrl(o.baseUrl);
      if (o.provider === 'nrs' && !o.username)
        throw new UsageError('An nrs account needs --username');
      if (!o.secretEnv)
        throw new UsageError('Name the environment variable holding the secret with --secret-env');
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(o.secretEnv)) {
        throw new UsageError(
          `--secret-env must name an environment variable, not "${o.secretEnv}"`,
        );
      }
      return withContext(globals(), ({ db }) => {
        const added = addAccount(db, {
          name: o.name,
          provider: o.provider,
          baseUrl: o.baseUrl,
          username: o.username ?? null,
          secretRef: `env:${o.secretEnv}`,
          localAddress: o.localAddress ?? null,
        });
        const warning = process.env[o.secretEnv ?? '']
          ? ''
          : ` (note: ${o.secretEnv} is not set in this shell)`;
        output(
          globals(),
          { id: added.id, name: added.name, provider: added.provider },
          `Added account "${added.name}" (${added.provider})${warning}.`,
        );
      });
    });

  account
    .command('list')
    .description('list accounts and whether each is paused')
    .action(() =>
      withContext(globals(), ({ db }) => {
        const accounts = listAccounts(db).map((a) => ({
          name: a.name,
          provider: a.provider,
          baseUrl: a.baseUrl,
          username: a.username,
          secret: a.secretRef,
          localAddress: a.localAddress,
          lastOkIp: a.lastOkIp,
          paused: a.paused ? { code: a.paused.code, reason: a.paused.reason } : null,
        }));
        const human =
          accounts.length === 0
            ? 'No accounts yet: add one with `outpost account add`.'
            : accounts
                .map(
                  (a) =>
                    `${a.name}\t${a.provider}\t${a.baseUrl}\t${a.paused ? `PAUSED (${a.paused.code}): ${a.paused.reason}` : 'ready'}`,
                )
                .join('\n');
        output(globals(), accounts, human);
      }),
    );

  account
    .command('test')
    .description(
      'check the credentials and this computer’s address against the provider; lifts a pause when it passes',
    )
    .requiredOption('--name <name>', 'the account')
    .option('--local-address <ip>', 'change the source address first')
    .action((o: { name: string; localAddress?: string }) =>
      withContext(globals(), async ({ db, pool }) => {
        const found = findAccountByName(db, o.name);
        if (o.localAddress !== undefined) setLocalAddress(db, found.id, o.localAddress || null);
        await pool.get(found.id).verify();
        const resumed = found.paused !== null && resumeAccount(db, found.id);
        output(
          globals(),
          { name: found.name, ok: true, resumed },
          `Account "${found.name}" works${resumed ? '; its paused queue resumes' : ''}.`,
        );
      }),
    );

  account
    .command('pause')
    .description('stop sending on the account (before its next request) until you resume it')
    .requiredOption('--name <name>', 'the account')
    .action((o: { name: string }) =>
      withContext(globals(), ({ db }) => {
        const found = findAccountByName(db, o.name);
        pauseManually(db, found.id);
        output(
          globals(),
          { name: found.name, paused: true },
          `Sending on "${found.name}" is paused.`,
        );
      }),
    );

  account
    .command('resume')
    .description('lift a pause you set; for a provider pause (IP, credit...), use `account test`')
    .requiredOption('--name <name>', 'the account')
    .action((o: { name: string }) =>
      withContext(globals(), ({ db }) => {
        const found = findAccountByName(db, o.name);
        if (found.paused && found.paused.code !== MANUAL_PAUSE) {
          throw new UsageError(
            `"${found.name}" is paused by the provider (${found.paused.code}): ${found.paused.reason} Run \`account test --name ${found.name}\` once that is fixed`,
          );
        }
        resumeAccount(db, found.id);
        output(
          globals(),
          { name: found.name, paused: false },
          `Sending on "${found.name}" resumes.`,
        );
      }),
    );

  registerAccountSettings(account, globals);
}
