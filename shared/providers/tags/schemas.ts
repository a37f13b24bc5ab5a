import { z } from 'zod';

/*
 * Tags API (seed 002), header `x-api-key`. Ambiguities:
 * - `stage` is an enum whose values the seed leaves empty ("Possible values:");
 *   the only one shown is "Subscriber", so any string is accepted.
 * - GET /v1/contacts answers a bare array with no total: the adapter pages with
 *   `limit`/`page` (1-based) until a page comes back shorter than `limit`.
 * - The add/remove-tag endpoints document no body (and a stray `proxy` path
 *   parameter). Agreed body: `{"tags": ["..."]}`; answer `{id, tags}` (line 265).
 * - Error answers are undocumented. Agreed: 401 for a missing or wrong key,
 *   404 for an unknown contact, 400 for invalid input, body `{"message":"..."}`.
 */

export const TagsLocationSchema = z.object({ id: z.string(), title: z.string() });

export const TagsContactSchema = z.object({
  id: z.string(),
  name: z.string(),
  phoneNumber: z.string(),
  location: TagsLocationSchema.nullable().optional(),
  stage: z.string().nullable().optional(),
  notes: z.string().nullable().optional(),
  customFields: z.record(z.string(), z.unknown()).optional(),
  tags: z.array(z.string()),
});
export type TagsContact = z.infer<typeof TagsContactSchema>;

/** Query of GET /v1/contacts (line 27-32); every value is a string on the wire. */
export const TagsContactListQuerySchema = z.object({
  limit: z.string().optional(),
  page: z.string().optional(),
  tags: z.string().optional(),
  locationId: z.string().optional(),
  channel: z.string().optional(),
  searchText: z.string().optional(),
});
export type TagsContactListQuery = z.infer<typeof TagsContactListQuerySchema>;

export const TagsContactListResponseSchema = z.array(TagsContactSchema);
export type TagsContactListResponse = z.infer<typeof TagsContactListResponseSchema>;

/**
 * POST /v1/contacts and PUT /v1/contacts/{id} body (line 60-67): name and
 * phoneNumber required; the example also carries `location`, accepted.
 */
export const TagsContactWriteRequestSchema = z.object({
  id: z.string().optional(),
  name: z.string(),
  phoneNumber: z.string(),
  location: TagsLocationSchema.optional(),
  stage: z.string().optional(),
  notes: z.string().optional(),
  customFields: z.record(z.string(), z.unknown()).optional(),
  tags: z.array(z.string()).optional(),
});
export type TagsContactWriteRequest = z.infer<typeof TagsContactWriteRequestSchema>;

export const TagsContactResponseSchema = TagsContactSchema;
export type TagsContactResponse = z.infer<typeof TagsContactResponseSchema>;

export const TagsDeleteResponseSchema = z.object({ success: z.boolean() });
export type TagsDeleteResponse = z.infer<typeof TagsDeleteResponseSchema>;

export const TagsTagChangeRequestSchema = z.object({ tags: z.array(z.string()).min(1) });
export type TagsTagChangeRequest = z.infer<typeof TagsTagChangeRequestSchema>;

export const TagsTagChangeResponseSchema = z.object({ id: z.string(), tags: z.array(z.string()) });
export type TagsTagChangeResponse = z.infer<typeof TagsTagChangeResponseSchema>;

export const TagsErrorResponseSchema = z.object({ message: z.string() });
export type TagsErrorResponse = z.infer<typeof TagsErrorResponseSchema>;
