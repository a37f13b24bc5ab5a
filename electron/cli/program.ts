import { Command, CommanderError, Option } from 'commander';
import { version } from '../../package.json';
import { defaultDataDir } from '../core/paths';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, oneSentence, UsageError } from './errors';
import type { GlobalOptions } from './io';

export interface Streams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Each command module adds itself to the program; `globals` reads --data-dir and --json. */
export type CommandModule = (program: Command, globals: () => GlobalOptions) => void;

export function buildProgram(commands: CommandModule[], streams: Streams): Command {
  const program = new Command('outpost')
    .description(
      'Outpost from the command line: the same outbox, accounts and database as the app.',
    )
    .addOption(
      new Option('--data-dir <dir>', 'profile folder holding the database')
        .env('OUTPOST_DATA_DIR')
        .default(defaultDataDir(), 'the app’s user data folder'),
    )
    .option('--json', 'machine-readable output on stdout', false)
    .version(version, '-V, --version', 'print the Outpost version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: streams.stdout, writeErr: streams.stderr });
  const globals = () => program.opts<GlobalOptions>();
  for (const register of commands) register(program, globals);
  for (const command of program.commands) {
    command.exitOverride().configureOutput({ writeOut: streams.stdout, writeErr: streams.stderr });
  }
  return program;
}

/** Runs the CLI and returns the exit code; errors become one sentence on stderr. */
export async function runProgram(
  commands: CommandModule[],
  argv: string[],
  streams: Streams,
): Promise<number> {
  const program = buildProgram(commands, streams);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (and the usage hint) itself.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    streams.stderr(`outpost: ${oneSentence(error)}\n`);
    return error instanceof UsageError ? EXIT_USAGE : EXIT_FAILURE;
  }
}
