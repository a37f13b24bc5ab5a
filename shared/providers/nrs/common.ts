import { z } from 'zod';

/**
 * Error body of every 360nrs endpoint (seed 003 line 9435: `{error:{code,description}}`).
 * The e-mail validation endpoints (seed line 5120) answer `{error: "text"}` instead;
 * the string form is accepted so a future caller of those does not crash.
 */
export const NrsErrorDetailSchema = z.object({
  code: z.number(),
  description: z.string(),
});
export type NrsErrorDetail = z.infer<typeof NrsErrorDetailSchema>;

export const NrsErrorResponseSchema = z.object({
  error: z.union([NrsErrorDetailSchema, z.string()]),
});
export type NrsErrorResponse = z.infer<typeof NrsErrorResponseSchema>;

/** `meta.pagination` as shown for contacts, groups, blacklist, conversations (seed line 3185). */
export const NrsPaginationSchema = z.object({
  total: z.number(),
  count: z.number(),
  per_page: z.number(),
  current_page: z.number(),
  total_pages: z.number(),
  // The seed shows only `next`; `previous` is accepted when present. An empty
  // object or an array (PHP's empty-array encoding) on the last page is accepted too.
  links: z
    .union([
      z.object({ next: z.string().optional(), previous: z.string().optional() }),
      z.array(z.unknown()),
    ])
    .optional(),
});
export type NrsPagination = z.infer<typeof NrsPaginationSchema>;

export const NrsPageMetaSchema = z.object({ pagination: NrsPaginationSchema });

/** Listing endpoints take `limit` (default 100, max 1000) and `page` (seed line 3201, 3193). */
export const NRS_MAX_PAGE_SIZE = 1000;
export const NRS_DEFAULT_PAGE_SIZE = 100;

/** `{ data: [...] }` envelope, used by every v2-style listing (`links.self` etc. loose). */
export const nrsLinksSchema = z.record(z.string(), z.string());
