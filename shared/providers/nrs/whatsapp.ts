import { z } from 'zod';
import { NrsErrorDetailSchema, NrsPaginationSchema } from './common';

/** Contact attached to a conversation (seed 003 line 1949). */
export const WhatsAppContactSchema = z.object({
  msisdn: z.string(),
  firstName: z.string().nullable().optional(),
  lastName: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  interest: z.string().nullable().optional(),
  comment: z.string().nullable().optional(),
  country: z.string().nullable().optional(),
});

/**
 * A conversation (seed line 1937). `status` shows only "OPEN"; other values are
 * accepted as strings. `contact` is assumed absent when the number is not a contact.
 */
export const WhatsAppConversationSchema = z.object({
  from: z.string(),
  to: z.string(),
  totalMessages: z.number(),
  status: z.string(),
  isSessionActive: z.boolean(),
  sessionExpiresAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  links: z.object({ messages: z.string() }).optional(),
  contact: z.object({ data: WhatsAppContactSchema }).nullable().optional(),
});
export type WhatsAppConversation = z.infer<typeof WhatsAppConversationSchema>;

/** GET /api/rest/whatsapp/conversations (line 1840): filters limit, page, from, to. */
export const WhatsAppConversationListResponseSchema = z.object({
  data: z.array(WhatsAppConversationSchema),
  meta: z.object({ pagination: NrsPaginationSchema }),
});
export type WhatsAppConversationListResponse = z.infer<
  typeof WhatsAppConversationListResponseSchema
>;

/** GET /api/rest/whatsapp/conversations/<from>/<to> (line 1988). */
export const WhatsAppConversationResponseSchema = z.object({ data: WhatsAppConversationSchema });
export type WhatsAppConversationResponse = z.infer<typeof WhatsAppConversationResponseSchema>;

/**
 * One message of a conversation (line 2208). `msisdn` is the author: the
 * conversation's `to` for an inbound reply, its `from` (our sender) for ours.
 */
export const WhatsAppMessageSchema = z.object({
  id: z.string(),
  type: z.string(),
  msisdn: z.string(),
  content: z.string(),
  reactions: z.array(z.string()),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  readAt: z.string().nullable(),
  failedAt: z.string().nullable(),
});
export type WhatsAppMessage = z.infer<typeof WhatsAppMessageSchema>;

/** GET .../conversations/<from>/<to>/messages (line 2111): filters limit, page. */
export const WhatsAppMessageListResponseSchema = z.object({
  data: z.array(WhatsAppMessageSchema),
  meta: z.object({
    status: z.string(),
    isSessionActive: z.boolean(),
    sessionExpiresAt: z.string().nullable(),
    pagination: NrsPaginationSchema,
  }),
});
export type WhatsAppMessageListResponse = z.infer<typeof WhatsAppMessageListResponseSchema>;

/** POST .../conversations/<from>/<to>/messages body (line 2375). */
export const WhatsAppSendMessageRequestSchema = z.object({ content: z.string() });
export type WhatsAppSendMessageRequest = z.infer<typeof WhatsAppSendMessageRequestSchema>;

/**
 * Ambiguity: the seed documents NO answer for sending a conversation message
 * (line 2256-2378). Agreed shape: 201 `{data: <message>}`; the adapter also
 * accepts any 2xx with an empty or different body. Without an active session
 * (line 2365) the answer is 422 `{error:{code:422, description}}`.
 */
export const WhatsAppSendMessageResponseSchema = z.object({ data: WhatsAppMessageSchema });
export type WhatsAppSendMessageResponse = z.infer<typeof WhatsAppSendMessageResponseSchema>;

/** POST /api/rest/whatsapp (send an approved template, line 1561-1790). */
export const WhatsAppTemplateSendRequestSchema = z.object({
  templateId: z.number().int(),
  from: z.string(),
  messages: z.array(
    z.object({
      to: z.string(),
      headerFields: z.array(z.string()).optional(),
      bodyFields: z.array(z.string()).optional(),
      callToActionFields: z.array(z.string()).optional(),
      // The table says array, the example (line 1803) a string: both accepted.
      defaultAnswer: z.union([z.string(), z.array(z.string())]).optional(),
      buttonAnswers: z.array(z.string()).optional(),
      location: z
        .object({
          lat: z.string(),
          long: z.string(),
          name: z.string().optional(),
          address: z.string().optional(),
        })
        .optional(),
    }),
  ),
  campaignName: z.string().optional(),
  tags: z.array(z.string()).optional(),
});
export type WhatsAppTemplateSendRequest = z.infer<typeof WhatsAppTemplateSendRequestSchema>;

/** 202/207 answer of POST /api/rest/whatsapp (line 1683): like SMS but no parts/dates. */
export const WhatsAppTemplateSendResponseSchema = z.object({
  campaignId: z.number(),
  sendingId: z.number(),
  result: z.array(
    z.discriminatedUnion('accepted', [
      z.object({ accepted: z.literal(true), to: z.string(), id: z.string() }),
      z.object({ accepted: z.literal(false), to: z.string(), error: NrsErrorDetailSchema }),
    ]),
  ),
});
export type WhatsAppTemplateSendResponse = z.infer<typeof WhatsAppTemplateSendResponseSchema>;
