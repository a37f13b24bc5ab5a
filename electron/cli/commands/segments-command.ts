import { type Command, Option } from 'commander';
import { UsageError } from '../errors';
import { readStdin } from '../io';
import { SEGMENT_ENCODINGS } from './segment-encodings';
import type { SegmentsOptions } from './segments';

export function registerSegmentsCommand(program: Command): void {
  program
    .command('segments')
    .description('count the SMS segments of the message on stdin')
    .addOption(
      new Option('--encoding <encoding>', 'encoding to count in')
        .choices(SEGMENT_ENCODINGS)
        .default('auto'),
    )
    .option('--lines', 'each stdin line is one JSON-encoded message; one result per line', false)
    .action(async (o: SegmentsOptions) => {
      // The counter (GSM tables, grapheme segmenter) is loaded only when this command runs.
      const [input, { SegmentsUsageError, segmentsCommand }] = await Promise.all([
        readStdin(),
        import('./segments'),
      ]);
      let lines: string[];
      try {
        lines = segmentsCommand(input, o);
      } catch (error) {
        if (error instanceof SegmentsUsageError) throw new UsageError(error.message);
        throw error;
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
