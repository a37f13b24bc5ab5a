import { z } from 'zod';
import { NrsErrorDetailSchema } from './common';

/** `encoding` values of POST /api/rest/sms (seed 003 line 221). */
export const NrsEncodingSchema = z.enum(['gsm', 'gsm-pt', 'utf-16']);
export type NrsEncoding = z.infer<typeof NrsEncodingSchema>;

/** `YYYYmmddHHiiss`, UTC (seed line 225). */
export const NRS_DATE_PATTERN = /^\d{14}$/;

export const NrsAvailableTimeSchema = z.object({
  day: z.number().int().min(1).max(7).optional(),
  from: z.string(),
  to: z.string(),
});

export const NrsOtpConfigSchema = z.object({
  alpha: z.boolean().optional(),
  length: z.number().int().optional(),
  maxAttempts: z.number().int().optional(),
  maxSecondsValidity: z.number().int().optional(),
  appId: z.string().optional(),
  rejectIfPendingCode: z.boolean().optional(),
});

/**
 * Body of POST /api/rest/sms (seed line 14-310). Types only: the provider's own
 * checks (lengths, 11/15 sender rule, `sub` length = `to` length) answer with
 * error codes, so the sandbox applies them after this parse.
 * Ambiguity: `sub` values are shown as strings (line 293); numbers are accepted
 * because `formatDotComma` (line 330) formats numbers.
 */
export const SmsSendRequestSchema = z.object({
  message: z.string(),
  to: z.array(z.string()),
  from: z.string(),
  encoding: NrsEncodingSchema.optional(),
  scheduleDate: z.string().optional(),
  expirationDate: z.string().optional(),
  parts: z.number().int().optional(),
  notificationUrl: z.union([z.string(), z.array(z.string())]).optional(),
  trans: z.union([z.literal(0), z.literal(1)]).optional(),
  campaignName: z.string().optional(),
  tags: z.array(z.string()).optional(),
  certified: z.boolean().optional(),
  sub: z.array(z.record(z.string(), z.union([z.string(), z.number()]))).optional(),
  splitParts: z.boolean().optional(),
  flash: z.boolean().optional(),
  availableTimes: z.array(NrsAvailableTimeSchema).optional(),
  otpConfig: NrsOtpConfigSchema.optional(),
});
export type SmsSendRequest = z.infer<typeof SmsSendRequestSchema>;

export const SmsAcceptedResultSchema = z.object({
  accepted: z.literal(true),
  to: z.string(),
  id: z.string(),
  parts: z.number().int(),
  scheduledAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export const SmsRejectedResultSchema = z.object({
  accepted: z.literal(false),
  to: z.string(),
  error: NrsErrorDetailSchema,
});
export const SmsSendResultSchema = z.discriminatedUnion('accepted', [
  SmsAcceptedResultSchema,
  SmsRejectedResultSchema,
]);
export type SmsSendResult = z.infer<typeof SmsSendResultSchema>;

/** 202 (all accepted) and 207 (multi-status) bodies (seed line 125-160). */
export const SmsSendResponseSchema = z.object({
  campaignId: z.number(),
  sendingId: z.number(),
  result: z.array(SmsSendResultSchema),
});
export type SmsSendResponse = z.infer<typeof SmsSendResponseSchema>;

/**
 * One event of GET /api/rest/sms/<ID> (seed line 505). The seed shows only
 * `sent` and `delivered`; the other names are those of the event notifications
 * (seed line 8436: undelivered, rejected, expired, clicked, ...), which is what
 * the adapter maps to UNDELIV / REJECTD / EXPIRED.
 */
export const SmsEventSchema = z.object({
  type: z.string(),
  date: z.string(),
  isMobile: z.boolean().optional(),
  browser: z.string().optional(),
  os: z.string().optional(),
});
export type SmsEvent = z.infer<typeof SmsEventSchema>;

export const SmsStatusSchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  message: z.string(),
  campaignId: z.number().nullable(),
  sendingId: z.number().nullable(),
  isDelivered: z.boolean(),
  isClicked: z.boolean(),
  events: z.array(SmsEventSchema),
  // Shown as an object of strings (seed line 521); an empty PHP array encodes as [].
  customFields: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
  links: z.object({ self: z.string() }).optional(),
});
export type SmsStatus = z.infer<typeof SmsStatusSchema>;

/** GET /api/rest/sms/<id,id,...> (seed line 397-548); unknown ids → 404 error body. */
export const SmsStatusResponseSchema = z.object({ data: z.array(SmsStatusSchema) });
export type SmsStatusResponse = z.infer<typeof SmsStatusResponseSchema>;
