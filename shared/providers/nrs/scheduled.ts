import { z } from 'zod';

/**
 * Scheduled messages, /api/rest/scheduled (seed 003 line 2379-2815).
 * `guid` is documented as "integer, array" but shown as a string ("100",
 * line 2481): both are accepted everywhere.
 */
export const NrsGuidSchema = z.union([z.string(), z.number()]);
export const NrsScheduledTypeSchema = z.enum(['SMS', 'MAILING']);

export const NrsScheduledContentSchema = z.object({
  to: z.string(),
  from: z.string(),
  encoding: z.string().optional(),
  message: z.string(),
  campaignId: z.number().nullable().optional(),
  sendingId: z.number().nullable().optional(),
});

/** An item; `content` only when one GUID was asked for; `created_at` missing on line 2484. */
export const NrsScheduledItemSchema = z.object({
  guid: NrsGuidSchema,
  type: NrsScheduledTypeSchema,
  sending_id: z.number().optional(),
  content: NrsScheduledContentSchema.optional(),
  created_at: z.string().optional(),
  updated_at: z.string(),
  scheduled_at: z.string(),
});
export type NrsScheduledItem = z.infer<typeof NrsScheduledItemSchema>;

/**
 * GET answer: `result` is an array for zero or several GUIDs, an object for one
 * (line 2478 vs 2507). Query (ambiguity: the seed does not say how a GET carries
 * the array): `guid=100` for one, `guid[]=100&guid[]=101` for several,
 * `type=SMS|MAILING`, `sendingId=N`.
 */
export const ScheduledListResponseSchema = z.object({
  result: z.union([z.array(NrsScheduledItemSchema), NrsScheduledItemSchema]),
  total: z.number(),
});
export type ScheduledListResponse = z.infer<typeof ScheduledListResponseSchema>;

/** PUT body; no `guid` means EVERY scheduled message (line 2665). */
export const ScheduledUpdateRequestSchema = z.object({
  guid: z.union([NrsGuidSchema, z.array(NrsGuidSchema)]).optional(),
  type: NrsScheduledTypeSchema.optional(),
  scheduleDate: z.string(),
});
export type ScheduledUpdateRequest = z.infer<typeof ScheduledUpdateRequestSchema>;

export const ScheduledUpdateResponseSchema = z.object({
  result: z.boolean(),
  updated: z.number(),
});
export type ScheduledUpdateResponse = z.infer<typeof ScheduledUpdateResponseSchema>;

/** DELETE body; no `guid` means EVERY scheduled message (line 2802). */
export const ScheduledDeleteRequestSchema = z.object({
  guid: z.union([NrsGuidSchema, z.array(NrsGuidSchema)]).optional(),
  type: NrsScheduledTypeSchema.optional(),
});
export type ScheduledDeleteRequest = z.infer<typeof ScheduledDeleteRequestSchema>;

export const ScheduledDeleteResponseSchema = z.object({
  result: z.boolean(),
  deleted: z.number(),
});
export type ScheduledDeleteResponse = z.infer<typeof ScheduledDeleteResponseSchema>;
