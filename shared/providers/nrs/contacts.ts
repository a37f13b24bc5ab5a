import { z } from 'zod';
import { NrsPageMetaSchema } from './common';

/** Custom field types (seed 003 line 3558). */
export const NrsCustomFieldTypeSchema = z.enum(['string', 'date', 'decimal']);

export const NrsCustomFieldSchema = z.object({
  key: z.string(),
  type: NrsCustomFieldTypeSchema,
  // Shown as a string (seed line 3171); numbers accepted for `decimal` fields.
  value: z.union([z.string(), z.number()]).nullable(),
});
export type NrsCustomField = z.infer<typeof NrsCustomFieldSchema>;

export const NrsGroupSchema = z.object({ id: z.number(), name: z.string() });
export type NrsGroup = z.infer<typeof NrsGroupSchema>;

/**
 * A contact (seed line 3156). `customFields` and `groups` only appear with
 * `include=customFields,groups`; create/update answers show `links` instead and
 * `null` for unset fields (seed line 3487), so the strings are nullable.
 */
export const NrsContactSchema = z.object({
  id: z.number(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  countryIso: z.string().nullable(),
  landline: z.string().nullable(),
  name: z.string().nullable(),
  surname: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  customFields: z.object({ data: z.array(NrsCustomFieldSchema) }).optional(),
  groups: z.object({ data: z.array(NrsGroupSchema) }).optional(),
  links: z.object({ self: z.string() }).optional(),
});
export type NrsContact = z.infer<typeof NrsContactSchema>;

/** GET /api/rest/contacts (seed line 3059): filters limit, page, include, email, phone, landline, countryIso, externalId. */
export const ContactListResponseSchema = z.object({
  data: z.array(NrsContactSchema),
  meta: NrsPageMetaSchema,
});
export type ContactListResponse = z.infer<typeof ContactListResponseSchema>;

/** GET/POST(201)/PUT(200) /api/rest/contacts[/<ID>]; DELETE answers 204 with no body. */
export const ContactResponseSchema = z.object({ data: NrsContactSchema });
export type ContactResponse = z.infer<typeof ContactResponseSchema>;

/**
 * POST /api/rest/contacts and PUT /api/rest/contacts/<ID> body (seed line 3504).
 * "Required when ..." rules (email or phone or landline; countryIso with a
 * phone; groupsIds or groupsNames) are the provider's 422 checks, applied by
 * the server after this parse. Ambiguity: the seed lists the same required
 * rules for PUT; the sandbox should treat PUT fields as a partial update.
 */
export const ContactWriteRequestSchema = z.object({
  email: z.string().optional(),
  phone: z.string().optional(),
  landline: z.string().optional(),
  countryIso: z.string().optional(),
  groupsIds: z.array(z.number()).optional(),
  groupsNames: z.array(z.string()).optional(),
  name: z.string().optional(),
  surname: z.string().optional(),
  customFields: z
    .array(
      z.object({
        key: z.string(),
        type: NrsCustomFieldTypeSchema.optional(),
        value: z.union([z.string(), z.number()]),
      }),
    )
    .optional(),
});
export type ContactWriteRequest = z.infer<typeof ContactWriteRequestSchema>;

/** GET /api/rest/groups (seed line 3881), `limit` filter. */
export const GroupListResponseSchema = z.object({
  data: z.array(NrsGroupSchema),
  meta: NrsPageMetaSchema,
});
export type GroupListResponse = z.infer<typeof GroupListResponseSchema>;

/** GET /api/rest/groups/<ID>, POST (201), PUT (200); DELETE answers 204. */
export const GroupResponseSchema = z.object({ data: NrsGroupSchema });
export type GroupResponse = z.infer<typeof GroupResponseSchema>;

export const GroupWriteRequestSchema = z.object({ name: z.string() });
export type GroupWriteRequest = z.infer<typeof GroupWriteRequestSchema>;
