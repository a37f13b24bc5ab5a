import { z } from 'zod';

const BlacklistState = z.enum(['pending', 'done', 'failed', 'none']);

/** Without `accountId`, every account's list. */
export const SuppressionsListRequest = z
  .object({ accountId: z.number().int().positive().optional() })
  .strict();
export const SuppressionEntry = z.object({
  accountId: z.number().int(),
  account: z.string(),
  /** International digits, e.g. 34666555444. */
  phone: z.string(),
  reason: z.enum(['opt-out-keyword', 'provider-blacklist', 'manual']),
  detail: z.string(),
  /** When it was suppressed (ms since the epoch). */
  since: z.number(),
  /** The provider's blacklist: done, still to push, refused, or the provider has none. */
  blacklist: BlacklistState,
  blacklistError: z.string().nullable(),
});
export const SuppressionsListReply = z.array(SuppressionEntry);

/**
 * Adding applies to every account unless `accountId` is given, and also puts the
 * number on each provider's blacklist. The renderer asks the person to confirm a
 * removal before calling `suppressions.remove`.
 */
export const SuppressionsAddRequest = z
  .object({
    phone: z.string().min(1).max(64),
    reason: z.string().max(200).optional(),
    accountId: z.number().int().positive().optional(),
    defaultCountry: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
  })
  .strict();
export const SuppressionsRemoveRequest = z
  .object({
    phone: z.string().min(1).max(64),
    accountId: z.number().int().positive().optional(),
  })
  .strict();
export const SuppressionsChangeReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    phone: z.string(),
    accounts: z.array(
      z.object({
        accountId: z.number().int(),
        account: z.string(),
        changed: z.boolean(),
        blacklist: BlacklistState,
      }),
    ),
  }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
