import { z } from 'zod';
import { NrsPageMetaSchema } from './common';

/** `sendings.*.status` values (seed 003 line 3007). */
export const NrsSendingStatusSchema = z.enum([
  'PENDING',
  'SAVED',
  'SENDING',
  'PAUSED',
  'FINISHED',
  'CANCELLED',
  'EDITING',
  'OPENED',
  'AUTOMATED',
  'WAITING',
]);

export const NrsChannelSchema = z.enum([
  'sms',
  'mailing',
  'landing',
  'text2speech',
  'voice-interactive',
]);

/** Event counters of a sending (seed line 2944). */
export const NrsSendingEventCountsSchema = z.object({
  delivered: z.number(),
  opened: z.number(),
  opened_unique: z.number(),
  clicked: z.number(),
  clicked_unique: z.number(),
  unsubscribed: z.number(),
  hard_bounced: z.number(),
  complaint: z.number(),
  sent: z.number(),
  soft_bounced: z.number(),
  undelivered: z.number(),
  rejected: z.number(),
  expired: z.number(),
  unsubscribed_landing: z.number(),
});
export type NrsSendingEventCounts = z.infer<typeof NrsSendingEventCountsSchema>;

export const NrsSendingSchema = z.object({
  id: z.number(),
  campaignName: z.string(),
  status: NrsSendingStatusSchema,
  channel: NrsChannelSchema,
  total: z.number(),
  processed: z.number(),
  totalSmsParts: z.number().optional(),
  cost: z.number(),
  currency: z.string(),
  tags: z.array(z.string()),
  scheduledAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  events: NrsSendingEventCountsSchema,
  links: z.object({ self: z.string(), eventsReport: z.string() }).optional(),
});
export type NrsSending = z.infer<typeof NrsSendingSchema>;

export const NrsCampaignSchema = z.object({
  id: z.number(),
  name: z.string(),
  type: z.enum(['basic', 'automatic', 'trigger', 'testab']),
  createdAt: z.string(),
  updatedAt: z.string(),
  links: z.object({ self: z.string(), sendings: z.string() }).optional(),
  sendings: z.object({ data: z.array(NrsSendingSchema) }),
});
export type NrsCampaign = z.infer<typeof NrsCampaignSchema>;

/**
 * GET /api/rest/campaigns (seed line 2817-3056), filters `name` (with `*`),
 * `channel`, `beforeDate`, `afterDate` (ISO 8601). Ambiguity: the seed shows no
 * `meta` for this listing; it is accepted when present so paging can follow it.
 */
export const CampaignListResponseSchema = z.object({
  data: z.array(NrsCampaignSchema),
  meta: NrsPageMetaSchema.optional(),
});
export type CampaignListResponse = z.infer<typeof CampaignListResponseSchema>;

/**
 * Columns of GET /api/rest/sendings/<sendingId>/reports/events, a text/csv body
 * with a header line (seed line 8574-8579). Filters: beforeDate, afterDate,
 * showCustomFields=1 (extra trailing columns, one per custom field used).
 */
export const SENDING_EVENTS_CSV_COLUMNS = [
  'campaignName',
  'campaignId',
  'sendingId',
  'contactId',
  'event',
  'phone',
  'email',
  'landline',
  'countryIso',
  'browser',
  'os',
  'url',
  'createdAt',
] as const;

export const VOICE_SENDING_EVENTS_CSV_COLUMNS = [
  'campaignName',
  'campaignId',
  'sendingId',
  'contactId',
  'event',
  'phone',
  'email',
  'landline',
  'countryIso',
  'callDurationSeconds',
  'createdAt',
] as const;

/** One data row of the events report, as strings (CSV has no types). */
export const SendingEventRowSchema = z.object({
  campaignName: z.string(),
  campaignId: z.string(),
  sendingId: z.string(),
  contactId: z.string(),
  event: z.string(),
  phone: z.string(),
  email: z.string(),
  landline: z.string(),
  countryIso: z.string(),
  browser: z.string(),
  os: z.string(),
  url: z.string(),
  createdAt: z.string(),
});
export type SendingEventRow = z.infer<typeof SendingEventRowSchema>;
