import { z } from 'zod';

export const ContactsSearchRequest = z
  .object({
    query: z.string().max(200).default(''),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const ContactView = z.object({
  id: z.number().int(),
  accountId: z.number().int(),
  phone: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  tags: z.array(z.string()),
  /** An offline edit not yet at the provider. */
  pending: z.boolean(),
  hasConflict: z.boolean(),
});

export const ContactsSearchReply = z.object({
  total: z.number().int(),
  contacts: z.array(ContactView),
});

export const ContactsSyncRequest = z.object({ accountId: z.number().int().positive() }).strict();
export const ContactsSyncReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    contacts: z.number().int(),
    pushed: z.number().int(),
    conflicts: z.number().int(),
  }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
