import { z } from 'zod';
import { NrsPageMetaSchema } from './common';

/** `{type}` of /api/rest/v2/blacklist/{type} (seed 003 line 5247). */
export const NrsBlacklistTypeSchema = z.enum(['sms', 'mailing', 'voice']);
export type NrsBlacklistType = z.infer<typeof NrsBlacklistTypeSchema>;

/** A blacklist entry (seed line 5222); the PUT answer omits `sendingId` (line 5375). */
export const NrsBlacklistEntrySchema = z.object({
  type: NrsBlacklistTypeSchema,
  recipient: z.string(),
  isDefinitive: z.boolean(),
  sendingId: z.number().nullable().optional(),
  campaignName: z.string().nullable(),
  createdAt: z.string(),
});
export type NrsBlacklistEntry = z.infer<typeof NrsBlacklistEntrySchema>;

/** GET: filters limit, page, recipient, sendingId. */
export const BlacklistListResponseSchema = z.object({
  data: z.array(NrsBlacklistEntrySchema),
  meta: NrsPageMetaSchema,
});
export type BlacklistListResponse = z.infer<typeof BlacklistListResponseSchema>;

/** PUT (add) and DELETE (remove, answers 204) share this body. */
export const BlacklistWriteRequestSchema = z.object({ recipient: z.string() });
export type BlacklistWriteRequest = z.infer<typeof BlacklistWriteRequestSchema>;

export const BlacklistEntryResponseSchema = z.object({ data: NrsBlacklistEntrySchema });
export type BlacklistEntryResponse = z.infer<typeof BlacklistEntryResponseSchema>;
