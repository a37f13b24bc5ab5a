import { z } from 'zod';

/*
 * Address-book API (seed 001): POST /api/contact/{new,detail,edit,delete} with
 * `Authorization: Bearer <token>` and a JSON body; answers `{status, result}`.
 * Ambiguities:
 * - The seed shows only success answers. Agreed error answer: the HTTP status
 *   (401 bad/missing token, 404 unknown contact or address book, 422 invalid
 *   input) with `{"status":"error","message":"..."}`.
 * - `id` is a string in the detail example (line 89) and an integer elsewhere:
 *   both accepted.
 * - The detail answer (line 96) does not show the address book; `group_id` is
 *   accepted when present so a move can be confirmed.
 * - There is no list endpoint, so such an account cannot sync its contacts.
 */

export const AddressBookIdSchema = z.union([z.number().int(), z.string()]);

const ContactFields = {
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  company: z.string().optional(),
  custom_1: z.string().optional(),
  custom_2: z.string().optional(),
  custom_3: z.string().optional(),
  custom_4: z.string().optional(),
};

export const AbContactNewRequestSchema = z.object({
  group_id: z.number().int(),
  phone_number: z.string(),
  ...ContactFields,
});
export type AbContactNewRequest = z.infer<typeof AbContactNewRequestSchema>;

export const AbContactDetailRequestSchema = z.object({ id: AddressBookIdSchema });
export type AbContactDetailRequest = z.infer<typeof AbContactDetailRequestSchema>;

/** `group_id` moves the contact to another address book (line 124). */
export const AbContactEditRequestSchema = z.object({
  id: AddressBookIdSchema,
  group_id: z.number().int().optional(),
  phone_number: z.string().optional(),
  ...ContactFields,
});
export type AbContactEditRequest = z.infer<typeof AbContactEditRequestSchema>;

export const AbContactDeleteRequestSchema = z.object({ id: AddressBookIdSchema });
export type AbContactDeleteRequest = z.infer<typeof AbContactDeleteRequestSchema>;

/** Answer of new / edit / delete (line 63, 177, 199). */
export const AbIdResponseSchema = z.object({
  status: z.literal('success'),
  result: z.object({ id: AddressBookIdSchema }),
});
export type AbIdResponse = z.infer<typeof AbIdResponseSchema>;

const nullableText = z.string().nullable().optional();

export const AbContactSchema = z.object({
  id: AddressBookIdSchema,
  group_id: z.number().int().optional(),
  first_name: nullableText,
  last_name: nullableText,
  company: nullableText,
  phone_number: z.string(),
  custom_1: nullableText,
  custom_2: nullableText,
  custom_3: nullableText,
  custom_4: nullableText,
});
export type AbContact = z.infer<typeof AbContactSchema>;

export const AbContactDetailResponseSchema = z.object({
  status: z.literal('success'),
  result: z.object({ contact: AbContactSchema }),
});
export type AbContactDetailResponse = z.infer<typeof AbContactDetailResponseSchema>;

export const AbErrorResponseSchema = z.object({
  status: z.literal('error'),
  message: z.string(),
});
export type AbErrorResponse = z.infer<typeof AbErrorResponseSchema>;
