import { z } from 'zod';
import { DISPLAY_STATES, MESSAGE_STATES } from '../../domain/message-state';

export const MessageState = z.enum(MESSAGE_STATES);
export const DisplayState = z.enum(DISPLAY_STATES);
const ScheduleMode = z.enum(['provider', 'local']);

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
  /** The state a person sees (scheduled, scheduled-at-provider, expired refine the stored one). */
  displayState: DisplayState,
  attempts: z.number().int(),
  /** For queued messages: not sent before this time (a schedule or the next retry). */
  notBefore: z.number(),
  scheduledFor: z.number().nullable(),
  /** Where the schedule waits: at the provider (goes out with this computer off) or here. */
  scheduleMode: ScheduleMode.nullable(),
  /** Went out after its scheduled time (this computer was off or offline then), by this much. */
  lateByMs: z.number().nullable(),
  expiresAt: z.number().nullable(),
  campaignName: z.string().nullable(),
  providerMessageId: z.string().nullable(),
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
    displayStates: z.array(DisplayState).max(10).optional(),
    jobId: z.number().int().positive().optional(),
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
    /**
     * Send at (ms since the epoch). A provider that schedules (360nrs) gets the
     * message at once with this time; any other keeps it here until then.
     */
    at: z.number().int().positive().optional(),
    /** Validity counted from when it goes out: `2h`, `3d`, `90m` (360nrs expirationDate). */
    validFor: z.string().max(16).optional(),
    /** Or the end of validity, ISO 8601 with a zone. */
    expires: z.string().max(40).optional(),
    /** The provider's campaign name; default "Outpost". */
    campaign: z.string().max(100).optional(),
  })
  .strict();

const Schedule = z.object({
  mode: ScheduleMode,
  at: z.number(),
  /** What to show: at the provider (goes out with this computer off) or here (needs it on). */
  sentence: z.string(),
});

/** A send the person must fix first says which field and why; nothing was queued. */
export const SendReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    id: z.number().int(),
    segments: z.number().int(),
    encoding: z.string(),
    campaign: z.string(),
    expiresAt: z.number().nullable(),
    /** null for a send now. */
    schedule: Schedule.nullable(),
  }),
  z.object({
    ok: z.literal(false),
    field: z.enum(['to', 'from', 'text', 'at', 'validity', 'campaign']),
    message: z.string(),
  }),
]);

export const MessageRequest = z.object({ id: z.number().int().positive() }).strict();
export const ControlReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

export const RescheduleRequest = z
  .object({ id: z.number().int().positive(), at: z.number().int().positive() })
  .strict();
export const RescheduleReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), id: z.number().int(), schedule: Schedule }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
