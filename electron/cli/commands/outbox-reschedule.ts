import type { Command } from 'commander';
import { output, withContext } from '../context';
import { UsageError } from '../errors';
import type { GlobalOptions } from '../io';
import { parseAtOption } from './send';

/** `outbox reschedule ID --at ISO8601`: at the provider where it was handed over, else here. */
export function registerOutboxRescheduleCommand(
  outbox: Command,
  globals: () => GlobalOptions,
): void {
  outbox
    .command('reschedule <id>')
    .description(
      'move a scheduled message to a new time (at the provider, where it was handed over)',
    )
    .requiredOption('--at <time>', 'the new time (ISO 8601 with a zone)')
    .action(async (id: string, o: { at: string }) => {
      if (!/^\d+$/.test(id.trim())) throw new UsageError(`"${id}" is not a message id (123)`);
      const at = (await parseAtOption(o.at)) as number;
      return withContext(globals(), async ({ db, pool }) => {
        const { OutboxControlError } = await import('../../core/outbox/control');
        const { rescheduleMessage } = await import('../../core/outbox/schedule');
        const { scheduleSentence } = await import('../../../shared/domain/message-state');
        try {
          const moved = await rescheduleMessage(db, pool.get, Number(id), at);
          const sentence = scheduleSentence(moved.mode, moved.at);
          output(
            globals(),
            { id: moved.id, at: new Date(moved.at).toISOString(), mode: moved.mode, sentence },
            `Message ${moved.id}: ${sentence}`,
          );
        } catch (error) {
          if (error instanceof OutboxControlError) throw new UsageError(error.message);
          throw error;
        }
      });
    });
}
