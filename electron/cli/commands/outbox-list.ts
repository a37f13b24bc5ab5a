import type { Command } from 'commander';
import { DISPLAY_STATES, type DisplayState } from '../../../shared/domain/message-state';
import { output, withContext } from '../context';
import { UsageError } from '../errors';
import type { GlobalOptions } from '../io';

interface ListOptions {
  state?: string[];
  job?: string;
  limit: string;
}

function parseStates(states: string[] | undefined): DisplayState[] {
  const list = (states ?? []).flatMap((s) => s.split(',')).map((s) => s.trim());
  const bad = list.find((s) => !(DISPLAY_STATES as readonly string[]).includes(s));
  if (bad !== undefined)
    throw new UsageError(`--state "${bad}" is not one of ${DISPLAY_STATES.join(', ')}`);
  return list as DisplayState[];
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** `outbox list [--state S] [--job ID] [--json]`: the messages, newest first. */
export function registerOutboxListCommand(outbox: Command, globals: () => GlobalOptions): void {
  outbox
    .command('list')
    .description(
      'the messages, newest first: id, recipient, sender, state, scheduled time, provider id, error',
    )
    .option(
      '--state <state...>',
      `only these states (${DISPLAY_STATES.join(', ')}); repeat or separate with commas`,
    )
    .option('--job <id>', 'only this bulk job (7 or job:7)')
    .option('--limit <n>', 'at most this many rows', '100')
    .addHelpText(
      'after',
      `
"scheduled" waits on this computer for its time; "scheduled-at-provider" was
handed to the provider with its scheduleDate and goes out then even if this
computer is off; "expired" passed its validity before it could be delivered.`,
    )
    .action((o: ListOptions) => {
      const displayStates = parseStates(o.state);
      const job = o.job === undefined ? undefined : /^(?:job:)?(\d+)$/.exec(o.job.trim());
      if (job === null) throw new UsageError(`--job "${o.job}" is not a bulk job id (7 or job:7)`);
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
        throw new UsageError(`--limit must be a whole number from 1 to 100000, not "${o.limit}"`);
      return withContext(globals(), async ({ db }) => {
        const { listMessages } = await import('../../core/outbox/list');
        const rows = listMessages(db, {
          displayStates,
          limit,
          ...(job ? { jobId: Number(job[1]) } : {}),
        }).map((r) => ({
          id: r.id,
          recipient: r.recipient,
          sender: r.sender,
          state: r.displayState,
          scheduledAt: iso(r.scheduledFor),
          scheduledWhere: r.scheduleMode,
          lateByMs: r.lateByMs,
          expiresAt: iso(r.expiresAt),
          campaign: r.campaignName,
          jobId: r.jobId,
          providerId: r.providerMessageId,
          errorCode: r.errorCode,
          error: r.errorText,
        }));
        const lines = rows.map((r) =>
          [
            String(r.id).padStart(6),
            `+${r.recipient}`.padEnd(16),
            r.sender.padEnd(11),
            r.state.padEnd(21),
            r.scheduledAt ?? '-',
            r.providerId ?? '-',
            r.errorCode ? `${r.errorCode}: ${r.error ?? ''}` : (r.error ?? ''),
          ].join('  '),
        );
        output(globals(), rows, rows.length === 0 ? 'No messages.' : lines.join('\n'));
      });
    });
}
