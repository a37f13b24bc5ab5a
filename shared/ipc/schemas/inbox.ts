import { z } from 'zod';

/** `sms:<account>:<digits>` or `wa:<conversation id>`. */
const ThreadKey = z.string().regex(/^(sms:\d+:\d{3,20}|wa:\d+)$/);

export const InboxThreadsRequest = z
  .object({
    /** Digits match the number; words the contact's name. */
    search: z.string().max(100).optional(),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .strict();
export const InboxThread = z.object({
  key: z.string(),
  channel: z.enum(['sms', 'whatsapp']),
  accountId: z.number().int(),
  number: z.string(),
  name: z.string().nullable(),
  lastAt: z.number(),
  preview: z.string(),
  lastDirection: z.enum(['inbound', 'outbound']),
  unread: z.number().int(),
  suppressed: z.boolean(),
});
export type InboxThread = z.infer<typeof InboxThread>;
export const InboxThreadsReply = z.array(InboxThread);

export const InboxMessagesRequest = z
  .object({
    thread: ThreadKey,
    /** The `next` of the previous page: older messages than those. */
    before: z.string().max(40).optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export const InboxItem = z.object({
  id: z.string(),
  kind: z.enum(['message', 'system']),
  direction: z.enum(['inbound', 'outbound']),
  text: z.string(),
  at: z.number(),
  /** SMS: the outbox display state; WhatsApp: sending/accepted/delivered/read/failed/unknown/received; system: opted-out/opt-in-request. */
  state: z.string(),
  errorText: z.string().nullable(),
  segments: z.number().int().nullable(),
  outboxId: z.number().int().nullable(),
  whatsAppId: z.number().int().nullable(),
  template: z.boolean(),
});
export type InboxItem = z.infer<typeof InboxItem>;
export const InboxMeta = z.object({
  key: z.string(),
  channel: z.enum(['sms', 'whatsapp']),
  accountId: z.number().int(),
  number: z.string(),
  name: z.string().nullable(),
  sender: z.string().nullable(),
  sessionActive: z.boolean(),
  sessionExpiresAt: z.number().nullable(),
  suppressed: z.object({ since: z.number(), sentence: z.string() }).nullable(),
  offerResubscribe: z.boolean(),
});
export type InboxMeta = z.infer<typeof InboxMeta>;
export const InboxMessagesReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    meta: InboxMeta,
    /** Newest first. */
    items: z.array(InboxItem),
    next: z.string().nullable(),
  }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

export const InboxThreadRequest = z.object({ thread: ThreadKey }).strict();
export const InboxOkReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

/** A WhatsApp reply within the session (SMS replies go through `outbox.send`). */
export const InboxReplyRequest = z
  .object({ thread: ThreadKey, text: z.string().min(1).max(4096) })
  .strict();
export const InboxTemplateRequest = z
  .object({
    thread: ThreadKey,
    templateId: z.number().int().positive(),
    fields: z.array(z.string().max(1000)).max(20).default([]),
  })
  .strict();
export const InboxSendReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), id: z.number().int() }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export const InboxWhatsAppRequest = z.object({ id: z.number().int().positive() }).strict();

export const WhatsAppTemplate = z.object({
  templateId: z.number().int().positive(),
  name: z.string().min(1).max(100),
  body: z.string().max(1024),
});
export const InboxTemplatesRequest = z.object({ accountId: z.number().int().positive() }).strict();
export const InboxTemplatesReply = z.array(WhatsAppTemplate);
export const InboxSetTemplatesRequest = z
  .object({
    accountId: z.number().int().positive(),
    templates: z.array(WhatsAppTemplate).max(200),
  })
  .strict();
export const InboxSetTemplatesReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), templates: z.array(WhatsAppTemplate) }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
