import { type Command, Option } from 'commander';
import { findAccountByName } from '../../core/accounts/repository';
import { ComposeError, prepareSingleMessage } from '../../core/outbox/compose';
import { enqueueMessages } from '../../core/outbox/enqueue';
import { refuseIfSuppressed } from '../../core/suppressions/refusal';
import { output, withContext } from '../context';
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
}

function parseAt(at: string | undefined): number | null {
  if (at === undefined) return null;
  const time = Date.parse(at);
  if (Number.isNaN(time))
    throw new UsageError(
      `--at "${at}" is not a date and time (use ISO 8601, e.g. 2026-12-01T09:00:00Z)`,
    );
  return time;
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
    .option('--at <time>', 'send at this time (ISO 8601), kept in the local outbox until then')
    .action((o: SendOptions) => {
      const maxParts = Number(o.maxParts);
      if (!Number.isInteger(maxParts) || maxParts < 1 || maxParts > 15) {
        throw new UsageError(
          `--max-parts must be a whole number from 1 to 15, not "${o.maxParts}"`,
        );
      }
      const scheduledFor = parseAt(o.at);
      return withContext(globals(), ({ db }) => {
        const account = findAccountByName(db, o.account);
        let message: ReturnType<typeof prepareSingleMessage>;
        try {
          message = prepareSingleMessage({
            accountId: account.id,
            to: o.to,
            from: o.from,
            text: o.text,
            encoding: o.encoding,
            maxParts,
            scheduledFor,
            ...(o.defaultCountry ? { defaultCountry: o.defaultCountry } : {}),
          });
        } catch (error) {
          if (error instanceof ComposeError) throw new UsageError(error.message);
          throw error;
        }
        // Suppressed numbers are refused here as in the app and in bulk (one rule).
        refuseIfSuppressed(db, account.id, message.recipient);
        const [id] = enqueueMessages(db, [message]);
        output(
          globals(),
          {
            id,
            to: message.recipient,
            encoding: message.encoding,
            segments: message.segments,
            state: 'queued',
          },
          `Queued message ${id} to +${message.recipient} (${message.segments} ${message.segments === 1 ? 'part' : 'parts'}, ${message.encoding}).`,
        );
      });
    });
}
