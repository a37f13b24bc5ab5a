import type { CommandModule } from '../program';

/** Every command of the CLI contract that is implemented, in the order --help lists them. */
export const commands: CommandModule[] = [];
