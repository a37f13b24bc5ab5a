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
