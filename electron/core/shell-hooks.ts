import type { z } from 'zod';
import type { SecretStorageReply } from '../../shared/ipc/schemas/system';

export type SecretStorageStatus = z.output<typeof SecretStorageReply>;

/**
 * What only the shell knows (the Electron main process: its file manager, the
 * OS keychain), asked by core handlers. A shell without them (`npm run web`,
 * tests) gets the defaults below.
 */
export interface ShellHooks {
  /** The folder the logs are written to, or null when they go to the console only. */
  logFolder(): string | null;
  /** Shows the log folder in the file manager; false when it cannot. */
  revealLogs(): boolean;
  secretStorage(): SecretStorageStatus;
}

export const NO_SHELL: ShellHooks = {
  logFolder: () => null,
  revealLogs: () => false,
  secretStorage: () => ({
    backend: 'memory',
    secure: false,
    sentence: 'Secrets of accounts added here are kept in memory for this run only.',
  }),
};
