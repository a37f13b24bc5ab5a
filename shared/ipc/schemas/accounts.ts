import { z } from 'zod';

export const AccountSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  provider: z.enum(['nrs', 'action', 'addressbook', 'tags']),
  baseUrl: z.string(),
  /** Present while the account's queue is paused, with what the person must do. */
  paused: z.object({ code: z.string(), reason: z.string(), since: z.number() }).nullable(),
  lastOkIp: z.string().nullable(),
  /** True for the embedded simulator account. */
  sandbox: z.boolean(),
});
export type AccountSummary = z.infer<typeof AccountSummary>;

export const AccountsListReply = z.array(AccountSummary);

export const AccountRequest = z.object({ accountId: z.number().int().positive() }).strict();
export const ResumeReply = z.object({ resumed: z.boolean(), reason: z.string().nullable() });
