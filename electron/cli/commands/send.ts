import { type Command, Option } from 'commander';
import { output, withDatabase } from '../context';
import { UsageError } from '../errors';
import type { GlobalOptions } from '../io';

interface SendOptions {
  account: string;
  to: string;
  from: string;
  text: string;
  encoding: 'auto' | 'gsm' | 'gsm-pt' | 'ucs2';
  maxParts: string;
  defaultCountry?: string;
  at?: string;
  validFor?: string;
  expires?: string;
  campaign?: string;
}

/** `--at` as ISO 8601 with a zone; a mistake is a usage error naming the option. */
export async function parseAtOption(at: string | undefined): Promise<number | null> {
  if (at === undefined) return null;
  const { parseInstant } = await import('../../../shared/send/timing');
  const t = parseInstant(at);
  if (!t.ok) throw new UsageError(`--at: ${t.message}`);
  return t.ms;
}

export function registerSendCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('send')
    .description('queue one message in the outbox (`outbox drain` or the app sends it)')
    .requiredOption('--account <name>', 'the account to send with')
    .requiredOption('--to <number>', 'recipient, international or national with --default-country')
    .requiredOption('--from <sender>', 'sender: up to 11 letters/digits or 15 digits')
    .requiredOption('--text <text>', 'the message')
    .addOption(
      new Option('--encoding <encoding>', 'message encoding')
        .choices(['auto', 'gsm', 'gsm-pt', 'ucs2'])
        .default('auto'),
    )
    .option('--max-parts <n>', 'most parts the message may use (1-15)', '15')
    .option('--default-country <CC>', 'country for numbers written without a country code')
    .option(
      '--at <time>',
      'send at this time (ISO 8601 with a zone, e.g. 2026-12-01T14:30:00Z); 360nrs holds it for that time, other providers need this computer on then',
    )
    .option('--valid-for <duration>', 'stop trying after this long once it goes out: 90m, 2h, 3d')
    .option('--expires <time>', 'or: stop trying at this time (ISO 8601 with a zone)')
    .option('--campaign <name>', 'campaign it is counted in on the provider dashboard', 'Outpost')
    .addHelpText(
      'after',
      `
With --at, a 360nrs account gets the message at once with its scheduleDate: it
goes out at that time even if this computer is off ("scheduled at the provider";
"outbox cancel" and "outbox reschedule" act there too). Other providers cannot
hold scheduled messages: the message waits in this computer's outbox, which
must be on, online and running Outpost (the app or "outbox drain") at that time;
if it is not, the message goes out as soon as it can, marked late.
A message past its --valid-for / --expires is not sent and ends as expired.`,
    )
    .action(async (o: SendOptions) => {
      const maxParts = Number(o.maxParts);
      if (!Number.isInteger(maxParts) || maxParts < 1 || maxParts > 15) {
        throw new UsageError(
          `--max-parts must be a whole number from 1 to 15, not "${o.maxParts}"`,
        );
      }
      const at = await parseAtOption(o.at);
      return withDatabase(globals(), async ({ db }) => {
        const { findAccountByName } = await import('../../core/accounts/repository');
        const { ComposeError } = await import('../../core/outbox/compose');
        const { queueSingleSend } = await import('../../core/outbox/single-send');
        const account = findAccountByName(db, o.account);
        let queued: Awaited<ReturnType<typeof queueSingleSend>>;
        try {
          queued = queueSingleSend(db, {
            accountId: account.id,
            to: o.to,
            from: o.from,
            text: o.text,
            encoding: o.encoding,
            maxParts,
            at,
            ...(o.defaultCountry ? { defaultCountry: o.defaultCountry } : {}),
            ...(o.validFor !== undefined ? { validFor: o.validFor } : {}),
            ...(o.expires !== undefined ? { expires: o.expires } : {}),
            ...(o.campaign !== undefined ? { campaign: o.campaign } : {}),
          });
        } catch (error) {
          if (error instanceof ComposeError) throw new UsageError(error.message);
          throw error;
        }
        const parts = `${queued.segments} ${queued.segments === 1 ? 'part' : 'parts'}, ${queued.encoding}`;
        output(
          globals(),
          {
            id: queued.id,
            to: queued.recipient,
            encoding: queued.encoding,
            segments: queued.segments,
            state: queued.schedule ? 'scheduled' : 'queued',
            campaign: queued.campaign,
            expiresAt: queued.expiresAt === null ? null : new Date(queued.expiresAt).toISOString(),
            schedule: queued.schedule
              ? {
                  mode: queued.schedule.mode,
                  at: new Date(queued.schedule.at).toISOString(),
                  sentence: queued.schedule.sentence,
                }
              : null,
          },
          [
            `Queued message ${queued.id} to +${queued.recipient} (${parts}; campaign "${queued.campaign}").`,
            ...(queued.schedule ? [queued.schedule.sentence] : []),
            ...(queued.expiresAt !== null
              ? [`Valid until ${new Date(queued.expiresAt).toISOString()}.`]
              : []),
          ].join('\n'),
        );
      });
    });
}
