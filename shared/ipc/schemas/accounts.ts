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

/**
 * A provider account a person adds in the app. The secret travels once, from
 * the renderer to the main process, which keeps it in the OS keychain; it is
 * never sent back.
 */
export const AccountAddRequest = z
  .object({
    name: z.string().trim().min(1, 'Give the account a name.').max(60),
    provider: z.enum(['nrs', 'action', 'addressbook', 'tags']),
    baseUrl: z.url({
      protocol: /^https?$/,
      error: 'The address must start with https:// (or http://).',
    }),
    username: z.string().trim().max(120).optional(),
    secret: z.string().min(1, 'Enter the password, token or key.').max(500),
    localAddress: z.union([z.ipv4(), z.ipv6()]).optional(),
    /** Save even if the provider cannot be reached now (offline). */
    skipCheck: z.boolean().default(false),
  })
  .strict();

export const AccountAddReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), id: z.number().int(), checked: z.boolean() }),
  z.object({
    ok: z.literal(false),
    field: z.enum(['name', 'baseUrl', 'username', 'secret', 'localAddress']).nullable(),
    message: z.string(),
  }),
]);

/** Removing an account that has sent or queued messages would lose their history: refused with why. */
export const AccountRemoveReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['has-messages', 'not-found']),
    messages: z.number().int(),
    message: z.string(),
  }),
]);

/** "Test": asks the provider whether it accepts the account's credentials now. */
export const AccountTestReply = z.object({ ok: z.boolean(), message: z.string().nullable() });
