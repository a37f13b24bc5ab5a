import { z } from 'zod';

/** Contact management (the Contacts view): books and tags, pages, edits, conflicts. */

export const ContactsGroupsRequest = z.object({ accountId: z.number().int().positive() }).strict();

export const ContactsGroupsReply = z.object({
  /** Local book ids with their live (not deleted) contacts. */
  books: z.array(
    z.object({ id: z.number().int(), name: z.string(), count: z.number().int().nonnegative() }),
  ),
  tags: z.array(z.object({ name: z.string(), count: z.number().int().nonnegative() })),
});
