import type { Command } from 'commander';
import { output, withContext, withDatabase } from '../context';
import { UsageError } from '../errors';
import type { GlobalOptions } from '../io';
import { progressBar } from '../progress';
import { registerOutboxListCommand } from './outbox-list';
import { registerOutboxRescheduleCommand } from './outbox-reschedule';

// What each subcommand does is imported inside its action (electron/cli/README.md).
const repository = () => import('../../core/accounts/repository');
const control = () => import('../../core/outbox/control');
const status = () => import('../../core/outbox/status');

/** `123` is a message, `job:7` a bulk job. */
function parseTarget(id: string): { kind: 'message' | 'job'; id: number } {
  const match = /^(job:)?(\d+)$/.exec(id.trim());
  if (!match) throw new UsageError(`"${id}" is neither a message id (123) nor a bulk job (job:7)`);
  return { kind: match[1] ? 'job' : 'message', id: Number(match[2]) };
}

const ACCOUNT_PREFIX = 'account:';

/** A message or job in the wrong state is a usage error (exit 2), with the sentence saying why. */
async function controlled<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const { OutboxControlError } = await control();
    if (error instanceof OutboxControlError) throw new UsageError(error.message);
    throw error;
  }
}

export function registerOutboxCommand(program: Command, globals: () => GlobalOptions): void {
  const outbox = program.command('outbox').description('the queue of messages waiting to go out');
  registerOutboxListCommand(outbox, globals);
  registerOutboxRescheduleCommand(outbox, globals);

  outbox
    .command('status')
    .description('counts per state, and paused accounts with what to do')
    .action(() =>
      withDatabase(globals(), async ({ db }) => {
        const { outboxStatus } = await status();
        const current = outboxStatus(db);
        const lines = Object.entries(current.counts).map(
          ([state, n]) => `${state.padEnd(10)} ${n}`,
        );
        for (const p of current.paused) lines.push(`PAUSED ${p.account} (${p.code}): ${p.reason}`);
        output(globals(), current, lines.join('\n'));
      }),
    );

  outbox
    .command('drain')
    .description(
      'send until nothing is due, every account with due messages is paused, or the timeout; safe to kill at any moment',
    )
    .option('--account <name>', 'only this account')
    .option('--timeout <seconds>', 'stop after this many seconds')
    .action((o: { account?: string; timeout?: string }) => {
      const timeoutMs = o.timeout === undefined ? undefined : Number(o.timeout) * 1000;
      if (timeoutMs !== undefined && (!Number.isFinite(timeoutMs) || timeoutMs < 0)) {
        throw new UsageError(`--timeout must be a number of seconds, not "${o.timeout}"`);
      }
      return withContext(globals(), async ({ db, pool }) => {
        const [
          { findAccountByName },
          { syncAllProviderSchedules },
          { OutboxEngine },
          { outboxStatus },
          { pollDeliveries },
        ] = await Promise.all([
          repository(),
          import('../../core/outbox/schedule'),
          import('../../core/outbox/engine'),
          status(),
          import('../../core/sync'),
        ]);
        const accountId = o.account ? findAccountByName(db, o.account).id : null;
        // Deleted on the provider's dashboard since the last run: cancelled here first.
        const schedules = await syncAllProviderSchedules(db, pool.get);
        const engine = new OutboxEngine(db, pool.get);
        const stop = () => engine.stop();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        const due = outboxStatus(db).counts.queued;
        const bar = progressBar('Sending');
        const ticker = setInterval(() => {
          const t = engine.totals;
          bar.update(t.accepted + t.failed + t.unknown, due);
        }, 200);
        const totals = await engine
          .drain({ accountId, ...(timeoutMs === undefined ? {} : { timeoutMs }) })
          .finally(() => clearInterval(ticker));
        bar.done();
        // One delivery-status pass, so `outbox status` shows what has been delivered so far.
        await pollDeliveries(db, pool.get).catch(() => undefined);
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        const after = outboxStatus(db);
        const skipped = engine.skippedAccounts;
        output(
          globals(),
          { ...totals, status: after, skipped, schedules },
          [
            `Sent ${totals.requests} requests: ${totals.accepted} accepted, ${totals.failed} failed, ${totals.retried} to retry, ${totals.unknown} outcome unknown.`,
            ...(schedules.cancelled > 0
              ? [
                  `${schedules.cancelled} scheduled messages were deleted at the provider (e.g. on its dashboard) and are cancelled here.`,
                ]
              : []),
            ...after.paused.map((p) => `Paused ${p.account} (${p.code}): ${p.reason}`),
            ...skipped,
          ].join('\n'),
        );
      });
    });

  outbox
    .command('retry <id>')
    .description(
      'send a failed or outcome-unknown message again (123), or every one of a bulk job (job:7)',
    )
    .action((id: string) =>
      withDatabase(globals(), async ({ db }) => {
        const { retryJob, retryMessage } = await control();
        const target = parseTarget(id);
        if (target.kind === 'message') {
          await controlled(() => retryMessage(db, target.id));
          output(
            globals(),
            { id: target.id, state: 'queued' },
            `Message ${target.id} is queued again.`,
          );
        } else {
          const n = await controlled(() => retryJob(db, target.id));
          output(
            globals(),
            { job: target.id, requeued: n },
            `${n} messages of job ${target.id} are queued again.`,
          );
        }
      }),
    );

  outbox
    .command('cancel <id>')
    .description(
      'cancel a message not yet sent (123), the rest of a bulk job (job:7), or an account’s whole queue (account:NAME); one held at the provider for its time is deleted there',
    )
    .action((id: string) =>
      withContext(globals(), async ({ db, pool }) => {
        const [
          { findAccountByName },
          { cancelAccountQueue, cancelJob, cancelMessage },
          { cancelAtProvider, cancelJobAtProvider },
        ] = await Promise.all([repository(), control(), import('../../core/outbox/schedule')]);
        if (id.startsWith(ACCOUNT_PREFIX)) {
          const account = findAccountByName(db, id.slice(ACCOUNT_PREFIX.length));
          const n = cancelAccountQueue(db, account.id);
          output(
            globals(),
            { account: account.name, cancelled: n },
            `Cancelled ${n} unsent messages of "${account.name}".`,
          );
          return;
        }
        const target = parseTarget(id);
        if (target.kind === 'message') {
          const atProvider = await controlled(() => cancelAtProvider(db, pool.get, target.id));
          if (!atProvider) await controlled(() => cancelMessage(db, target.id));
          output(
            globals(),
            { id: target.id, state: 'cancelled', atProvider },
            atProvider
              ? `Message ${target.id} is cancelled and deleted from the provider's scheduled messages.`
              : `Message ${target.id} is cancelled.`,
          );
        } else {
          const n = await controlled(() => cancelJob(db, target.id));
          // The local part is saved whatever the provider answers; say so if it failed.
          let there = 0;
          let providerError: string | null = null;
          try {
            there = await cancelJobAtProvider(db, pool.get, target.id);
          } catch (error) {
            providerError = `The messages of job ${target.id} held at the provider could not be deleted there (${error instanceof Error ? error.message : String(error)}); run "outbox cancel job:${target.id}" again when it can be reached.`;
            process.stderr.write(`outpost: warning: ${providerError}\n`);
          }
          output(
            globals(),
            { job: target.id, cancelled: n + there, atProvider: there, providerError },
            `Job ${target.id} is cancelled (${n + there} messages not sent${there > 0 ? `, ${there} of them deleted from the provider's scheduled messages` : ''}).`,
          );
        }
      }),
    );
}
