import { z } from 'zod';

export const NoRequest = z.object({}).strict();

export const AppInfoReply = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int().nonnegative(),
});

export const DbHealthReply = z.object({
  file: z.string(),
  journalMode: z.string(),
  synchronous: z.number().int(),
  foreignKeys: z.boolean(),
  schemaVersion: z.number().int().nonnegative(),
  latestSchemaVersion: z.number().int().nonnegative(),
  sqliteVersion: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
});

/** `app.revealLogs`: the log folder, shown in the file manager when the shell can. */
export const RevealLogsReply = z.object({ folder: z.string().nullable(), shown: z.boolean() });

/** `app.secretStorage`: whether the OS really protects stored secrets (Linux may offer only `basic_text`). */
export const SecretStorageReply = z.object({
  backend: z.string(),
  secure: z.boolean(),
  /** What a person should know, in one sentence; empty when all is well. */
  sentence: z.string(),
});
