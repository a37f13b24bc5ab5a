import { type Command, Option } from 'commander';
import { UsageError } from '../errors';
import { readStdin } from '../io';
import {
  SEGMENT_ENCODINGS,
  type SegmentsOptions,
  SegmentsUsageError,
  segmentsCommand,
} from './segments';

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
      const input = await readStdin();
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
