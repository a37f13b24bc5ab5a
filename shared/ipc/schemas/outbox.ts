import { z } from 'zod';
import { MESSAGE_STATES } from '../../domain/message-state';

export const MessageState = z.enum(MESSAGE_STATES);

export const OutboxMessage = z.object({
  id: z.number().int(),
  accountId: z.number().int(),
  jobId: z.number().int().nullable(),
  recipient: z.string(),
  sender: z.string(),
  body: z.string(),
  encoding: z.enum(['gsm', 'gsm-pt', 'ucs2']),
  segments: z.number().int(),
  state: MessageState,
  attempts: z.number().int(),
  /** For queued messages: not sent before this time (a schedule or the next retry). */
  notBefore: z.number(),
  scheduledFor: z.number().nullable(),
  errorCode: z.string().nullable(),
  errorText: z.string().nullable(),
  deliveryStatus: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxListRequest = z
  .object({
    states: z.array(MessageState).max(7).optional(),
    recipient: z.string().max(32).optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export const OutboxListReply = z.array(OutboxMessage);

export const OutboxStatusReply = z.object({
  counts: z.record(z.string(), z.number().int()),
  paused: z.array(
    z.object({
      account: z.string(),
      code: z.union([z.number(), z.string()]),
      reason: z.string(),
      since: z.string(),
    }),
  ),
});

export const SendRequest = z
  .object({
    accountId: z.number().int().positive(),
    to: z.string().min(1).max(64),
    from: z.string().max(32),
    text: z.string().max(10_000),
    encoding: z.enum(['auto', 'gsm', 'gsm-pt', 'ucs2']).default('auto'),
    maxParts: z.number().int().min(1).max(15).default(15),
    defaultCountry: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    /** Local scheduling: sent when Outpost is running and online at or after this time. */
    at: z.number().int().positive().optional(),
  })
  .strict();

/** A send the person must fix first says which field and why; nothing was queued. */
export const SendReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    id: z.number().int(),
    segments: z.number().int(),
    encoding: z.string(),
  }),
  z.object({
    ok: z.literal(false),
    field: z.enum(['to', 'from', 'text', 'at']),
    message: z.string(),
  }),
]);

export const MessageRequest = z.object({ id: z.number().int().positive() }).strict();
export const ControlReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
