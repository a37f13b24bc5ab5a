import { z } from 'zod';

const AccountId = z.number().int().positive();
const Country = z
  .string()
  .regex(/^[A-Z]{2}$/)
  .optional();

/** Who the message is for, as picked in the recipients field. */
export const AudienceSelection = z.object({
  accountId: AccountId,
  contactIds: z.array(z.number().int().positive()).max(10_000).default([]),
  bookIds: z.array(z.number().int().positive()).max(500).default([]),
  tags: z.array(z.string().min(1).max(120)).max(500).default([]),
  /** Typed or pasted, one entry per number. */
  numbers: z.array(z.string().max(64)).max(10_000).default([]),
  defaultCountry: Country,
});

const Encoding = z.enum(['auto', 'gsm', 'gsm-pt', 'ucs2']).default('auto');

export const ComposeResolveRequest = AudienceSelection.extend({
  /** With a text, the reply also says what each country's rules do to it. */
  text: z.string().max(10_000).default(''),
  encoding: Encoding,
  maxParts: z.number().int().min(1).max(15).default(15),
  at: z.number().int().positive().optional(),
  marketing: z.boolean().default(false),
}).strict();

const Source = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('typed') }),
  z.object({ kind: z.literal('contact') }),
  z.object({ kind: z.literal('book'), id: z.number().int(), name: z.string() }),
  z.object({ kind: z.literal('tag'), name: z.string() }),
]);

export const AudienceRecipientView = z.object({
  key: z.string(),
  input: z.string(),
  e164: z.string().nullable(),
  countryIso: z.string().nullable(),
  lineType: z.string().nullable(),
  problem: z.string().nullable(),
  contactId: z.number().int().nullable(),
  name: z.string(),
  sources: z.array(Source),
  fields: z.record(z.string(), z.string()),
  suppressed: z
    .object({
      reason: z.enum(['opt-out-keyword', 'provider-blacklist', 'manual']),
      since: z.number(),
      sentence: z.string(),
    })
    .nullable(),
});

const LeftOut = z.object({
  key: z.string(),
  e164: z.string().nullable(),
  name: z.string(),
  code: z.enum(['invalid', 'suppressed', 'missing-field', 'too-long', 'blocked-by-rule']),
  message: z.string(),
});
const Deferred = z.object({ key: z.string(), until: z.number(), message: z.string() });

export const ComposeResolveReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    recipients: z.array(AudienceRecipientView),
    duplicates: z.array(z.object({ key: z.string(), e164: z.string(), times: z.number().int() })),
    fields: z.array(z.string()),
    typed: z.array(z.string()),
    /** What the rules do to this text, per recipient (empty without a text). */
    check: z.object({
      leftOut: z.array(LeftOut),
      deferred: z.array(Deferred),
      warnings: z.array(
        z.object({ countryIso: z.string(), code: z.string(), message: z.string() }),
      ),
      templateProblems: z.array(z.string()),
    }),
  }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

export const ComposePricingRequest = z.object({ accountId: AccountId }).strict();
export const ComposePricingReply = z.object({
  /** The provider's price per part per destination, in the account's currency (empty when unknown). */
  prices: z.array(
    z.object({
      countryIso: z.string(),
      countryName: z.string(),
      dialCode: z.string(),
      network: z.string().nullable(),
      pricePerPart: z.number(),
      currency: z.string(),
    }),
  ),
  currency: z.string().nullable(),
  balance: z.number().nullable(),
  /** Why the cost or the balance cannot be shown (offline, no price list), or null. */
  note: z.string().nullable(),
  /** The provider holds scheduled messages (360nrs scheduleDate); otherwise they wait on this computer. */
  schedulesAtProvider: z.boolean(),
});

export const ComposeSendRequest = AudienceSelection.extend({
  from: z.string().max(32),
  text: z.string().max(10_000),
  encoding: Encoding,
  maxParts: z.number().int().min(1).max(15).default(15),
  marketing: z.boolean().default(false),
  at: z.number().int().positive().optional(),
  validFor: z.string().max(16).optional(),
  expires: z.string().max(40).optional(),
  campaign: z.string().max(100).optional(),
}).strict();

export const ComposeSendReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    jobId: z.number().int().nullable(),
    messageId: z.number().int().nullable(),
    queued: z.number().int(),
    segments: z.number().int(),
    leftOut: z.array(LeftOut),
    deferred: z.array(Deferred),
    campaign: z.string(),
    schedule: z
      .object({ mode: z.enum(['provider', 'local']), at: z.number(), sentence: z.string() })
      .nullable(),
  }),
  z.object({
    ok: z.literal(false),
    field: z.enum(['to', 'from', 'text', 'at', 'validity', 'campaign']),
    message: z.string(),
  }),
]);
