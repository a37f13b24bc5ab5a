import type { CommandModule } from '../program';
import { registerAccountCommand } from './account';
import { registerBackupCommand, registerRestoreCommand } from './backup';
import { registerBulkCommand } from './bulk';
import { registerContactsCommand } from './contacts';
import { registerJobCommand } from './job';
import { registerOutboxCommand } from './outbox';
import { registerSandboxCommand } from './sandbox';
import { registerSegmentsCommand } from './segments-command';
import { registerSendCommand } from './send';
import { registerSuppressionsCommand } from './suppressions';
import { registerVaultCommand } from './vault';

/**
 * Every command of the CLI contract that is implemented, in the order --help lists them.
 * A command module imports only commander and ../context, ../errors, ../io, ../progress at
 * the top; what it does is `import()`ed inside its action, so starting `outpost` stays cheap
 * (electron/cli/README.md, "Adding a command").
 */
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
  registerBackupCommand,
  registerRestoreCommand,
  registerVaultCommand,
];
