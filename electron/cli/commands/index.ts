import type { CommandModule } from '../program';
import { registerAccountCommand } from './account';
import { registerBulkCommand } from './bulk';
import { registerContactsCommand } from './contacts';
import { registerJobCommand } from './job';
import { registerOutboxCommand } from './outbox';
import { registerSandboxCommand } from './sandbox';
import { registerSegmentsCommand } from './segments-command';
import { registerSendCommand } from './send';
import { registerSuppressionsCommand } from './suppressions';

/** Every command of the CLI contract that is implemented, in the order --help lists them. */
export const commands: CommandModule[] = [
  registerAccountCommand,
  registerContactsCommand,
  registerSendCommand,
  registerBulkCommand,
  registerJobCommand,
  registerOutboxCommand,
  registerSuppressionsCommand,
  registerSegmentsCommand,
  registerSandboxCommand,
];
