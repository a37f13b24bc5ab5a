import { z } from 'zod';

/**
 * The IPC contract: every channel the renderer may call, with the schema of its
 * request and of its reply. Preload, main, the test bridge and the renderer's
 * types are all derived from this one object; adding a channel starts here.
 */

const NoRequest = z.object({}).strict();

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

export const contract = {
  'app.info': { request: NoRequest, reply: AppInfoReply },
  'db.health': { request: NoRequest, reply: DbHealthReply },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ReplyOf<C extends Channel> = z.output<Contract[C]['reply']>;

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}
