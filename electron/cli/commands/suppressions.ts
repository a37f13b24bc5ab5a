import type { Command } from 'commander';
import type { CliContext } from '../context';
import type { GlobalOptions } from '../io';

interface Target {
  account?: string;
  defaultCountry?: string;
}

/**
 * `outpost suppressions list|add|remove`: the numbers never sent to. Without
 * --account a change applies to every account. Adding also puts the number on
 * the provider's blacklist (360nrs), removing takes it off; a change the
 * provider cannot take now stays queued and is pushed later (by the app, or the
 * next `suppressions` command).
 */
export function registerSuppressionsCommand(program: Command, globals: () => GlobalOptions): void {
  const cmd = program
    .command('suppressions')
    .description('numbers never sent to: opt-outs, the provider blacklist and your own additions');

  cmd
    .command('list')
    .description(
      'every suppressed number, why, since when, and whether the provider blacklist has it',
    )
    .option('--account <name>', 'only this account')
    .addHelpText(
      'after',
      '\n--json prints [{"account","phone","reason","detail","since","blacklist"}], blacklist one of done | pending | failed | none.',
    )
    .action(async (o: Target) => {
      const { output, withContext } = await import('../context');
      const { listManagedSuppressions } = await import('../../core/suppressions/manage');
      await withContext(globals(), async (ctx) => {
        const accountId = await accountIdOf(ctx, o.account);
        await pushPending(ctx, accountId === undefined ? undefined : [accountId]);
        const list = listManagedSuppressions(ctx.db, accountId).map((e) => ({
          account: e.account,
          phone: e.phone,
          reason: e.reason,
          detail: e.detail,
          since: new Date(e.since).toISOString(),
          blacklist: e.blacklist,
          ...(e.blacklistError ? { blacklistError: e.blacklistError } : {}),
        }));
        output(
          globals(),
          list,
          list.length === 0
            ? 'No suppressed numbers.'
            : list
                .map(
                  (e) =>
                    `+${e.phone}\t${e.account}\t${e.reason}${e.detail ? ` (${e.detail})` : ''}\tsince ${e.since}\tblacklist: ${e.blacklist}`,
                )
                .join('\n'),
        );
      });
    });

  cmd
    .command('add')
    .argument('<number>', 'the number, international (+34…) or national with --default-country')
    .description('never send to this number; also puts it on the provider blacklist')
    .option('--reason <text>', 'why, shown when a send to it is refused')
    .option('--account <name>', 'only this account (default: every account)')
    .option('--default-country <CC>', 'country for a number written without a country code')
    .action(async (number: string, o: Target & { reason?: string }) => {
      const { withContext } = await import('../context');
      const { UsageError } = await import('../errors');
      const { addManagedSuppression, SuppressionInputError } = await import(
        '../../core/suppressions/manage'
      );
      await withContext(globals(), async (ctx) => {
        const accountId = await accountIdOf(ctx, o.account);
        let change: ReturnType<typeof addManagedSuppression>;
        try {
          change = addManagedSuppression(ctx.db, {
            phone: number,
            ...(o.reason ? { reason: o.reason } : {}),
            ...(accountId === undefined ? {} : { accountId }),
            ...(o.defaultCountry ? { defaultCountry: o.defaultCountry.toUpperCase() } : {}),
          });
        } catch (error) {
          if (error instanceof SuppressionInputError) throw new UsageError(error.message);
          throw error;
        }
        if (change.accounts.length === 0)
          throw new UsageError('There are no accounts yet: add one with `outpost account add`');
        await report(ctx, globals(), change, 'added');
      });
    });

  cmd
    .command('remove')
    .argument('<number>', 'the number')
    .description('send to this number again; also takes it off the provider blacklist (asks first)')
    .option('--account <name>', 'only this account (default: every account)')
    .option('--default-country <CC>', 'country for a number written without a country code')
    .option('--yes', 'do not ask for confirmation (needed when not run from a terminal)')
    .action(async (number: string, o: Target & { yes?: boolean }) => {
      const { withContext } = await import('../context');
      const { UsageError } = await import('../errors');
      const { removeManagedSuppression, SuppressionInputError } = await import(
        '../../core/suppressions/manage'
      );
      if (!o.yes) await confirm(number, UsageError);
      await withContext(globals(), async (ctx) => {
        const accountId = await accountIdOf(ctx, o.account);
        let change: ReturnType<typeof removeManagedSuppression>;
        try {
          change = removeManagedSuppression(ctx.db, {
            phone: number,
            ...(accountId === undefined ? {} : { accountId }),
            ...(o.defaultCountry ? { defaultCountry: o.defaultCountry.toUpperCase() } : {}),
          });
        } catch (error) {
          if (error instanceof SuppressionInputError) throw new UsageError(error.message);
          throw error;
        }
        await report(ctx, globals(), change, 'removed');
      });
    });
}

async function accountIdOf(ctx: CliContext, name: string | undefined): Promise<number | undefined> {
  if (name === undefined) return undefined;
  const { findAccountByName } = await import('../../core/accounts/repository');
  return findAccountByName(ctx.db, name).id;
}

/** Pushes queued blacklist changes, briefly: an unreachable provider leaves them queued. */
async function pushPending(ctx: CliContext, accountIds?: number[]) {
  const { pushAllBlacklistChanges } = await import('../../core/suppressions/blacklist-push');
  return pushAllBlacklistChanges(ctx.db, ctx.pool.get, {
    signal: AbortSignal.timeout(10_000),
    ...(accountIds ? { accountIds } : {}),
  });
}

async function report(
  ctx: CliContext,
  globals: GlobalOptions,
  change: {
    phone: string;
    accounts: { accountId: number; account: string; changed: boolean; blacklistQueued: boolean }[];
  },
  verb: 'added' | 'removed',
): Promise<void> {
  const { output } = await import('../context');
  const { blacklistStateOf } = await import('../../core/suppressions/blacklist-push');
  const pushed = await pushPending(
    ctx,
    change.accounts.filter((a) => a.blacklistQueued).map((a) => a.accountId),
  );
  const accounts = change.accounts.map((a) => ({
    account: a.account,
    changed: a.changed,
    blacklist: a.blacklistQueued
      ? (blacklistStateOf(ctx.db, a.accountId, change.phone)?.state ?? 'pending')
      : 'none',
    ...(pushed.get(a.accountId)?.stopped
      ? { blacklistError: pushed.get(a.accountId)?.stopped }
      : {}),
  }));
  const where = (b: string) =>
    b === 'done'
      ? verb === 'added'
        ? "; on the provider's blacklist"
        : "; off the provider's blacklist"
      : b === 'pending'
        ? "; the provider's blacklist is updated when it can be reached"
        : b === 'failed'
          ? "; the provider's blacklist refused the change"
          : '';
  output(
    globals,
    { phone: change.phone, [verb]: true, accounts },
    accounts
      .map(
        (a) =>
          `+${change.phone} ${a.changed ? verb : `already ${verb}`} for "${a.account}"${where(a.blacklist)}.`,
      )
      .join('\n'),
  );
}

/** Removal lets messages reach someone who opted out: ask on a terminal, else require --yes. */
async function confirm(number: string, UsageError: new (m: string) => Error): Promise<void> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) {
    throw new UsageError(
      `Removing ${number} lets messages reach it again; confirm with --yes when not running in a terminal`,
    );
  }
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(
      `Send to ${number} again (and take it off the provider's blacklist)? [y/N] `,
    );
    if (!/^y(es)?$/i.test(answer.trim())) throw new UsageError('Nothing removed');
  } finally {
    rl.close();
  }
}
