import { applyTrans } from '../../../shared/sms';
import { isoUtc } from '../clock';
import { type FinalStatus, outcomeDrawer } from '../context';
import { json, parseJsonBody, type SandboxReply } from '../http-types';
import { type NrsErrorDetail, nrsError, nrsErrorDetail } from './errors';
import { type NrsEncodingName, segmentsOf } from './length';
import { compileMessage, type MergeValues, shortUrl } from './merge';
import type { SmsRecord } from './messages';
import type { NrsContact, Sending } from './model';
import { costMicros } from './price';
import { checkSendFields, type SendFields, validRecipient } from './send-checks';
import type { NrsStore } from './store';

interface Planned {
  to: string;
  /** `to` without its '+', as contacts and the blacklist keep numbers. */
  digits: string;
  contactId: number | null;
  text: string;
  parts: number;
  values: Record<string, string>;
}

/** One object per recipient (the plan is the outcome's own fields: nothing to wrap). */
type Outcome = (Planned & { ok: true }) | { ok: false; to: string; error: NrsErrorDetail };

/** What every recipient of one request shares, worked out once per request. */
interface RequestPlan {
  store: NrsStore;
  f: SendFields;
  render: (values: MergeValues) => string;
  wantsUnsub: boolean;
  wantsOtp: boolean;
  otpAlphabet: readonly string[];
  segments: (text: string) => number;
}

/** …and what every accepted recipient shares, once the request is paid for. */
interface Acceptance {
  sending: Sending;
  now: number;
  drawOutcome: () => FinalStatus;
  blacklisted: ReadonlySet<string>;
  acceptedAt: string;
  scheduledAt: string | null;
  expiresAt: string | null;
}

/** POST /api/rest/sms (seed 003 lines 14-310): 202, 207, or an error body. */
export function handleSmsSend(store: NrsStore, rawBody: string): SandboxReply {
  const parsed = parseJsonBody(rawBody);
  if (!parsed.ok) return nrsError(125);
  const now = store.ctx.clock.now();
  const checked = checkSendFields(parsed.value, now);
  if (!checked.ok) {
    return {
      status: checked.status ?? errorStatus(checked.error.code),
      body: { error: checked.error },
    };
  }
  const fields = checked.fields;
  // Verification is of one sender: the request fails, the account does not.
  if (store.unverifiedSenders.has(fields.from)) return nrsError(115);
  const plan = planRequest(store, fields);
  const outcomes = fields.to.map((to, i) => planRecipient(plan, to, i));
  // Money, per part at each destination's coverage price; too little pays for nothing.
  let accepted = 0;
  let cost = 0;
  for (const o of outcomes) {
    if (!o.ok) continue;
    accepted += 1;
    cost += costMicros(o.to, o.parts);
  }
  if (accepted === 0) {
    const first = outcomes.find((o): o is Extract<Outcome, { ok: false }> => !o.ok);
    return nrsError(first?.error.code ?? 102, first?.error.description);
  }
  if (!store.ctx.wallet.charge(cost)) return nrsError(111);
  const acceptance = acceptanceOf(store, fields, now);
  const result = outcomes.map((o) => {
    if (!o.ok) return { accepted: false, to: o.to, error: o.error };
    const rec = acceptRecipient(store, fields, acceptance, o);
    return {
      accepted: true,
      to: o.to,
      id: rec.id,
      parts: rec.parts,
      scheduledAt: acceptance.scheduledAt,
      expiresAt: acceptance.expiresAt,
    };
  });
  const status = accepted === outcomes.length ? 202 : 207;
  const { sending } = acceptance;
  return json(status, { campaignId: sending.campaignId, sendingId: sending.id, result });
}

function errorStatus(code: number): number {
  return nrsError(code).status;
}

function planRequest(store: NrsStore, f: SendFields): RequestPlan {
  const alphabet = f.otpAlpha ? '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ' : '0123456789';
  return {
    store,
    f,
    render: compileMessage(f.message),
    wantsUnsub: f.message.includes('{UNSUB_URL}'),
    wantsOtp: f.message.includes('{OTP_CODE}'),
    otpAlphabet: [...alphabet],
    segments: lastSegments(f.encoding),
  };
}

/** Recipients without their own fields get the same text: it is measured once in a row. */
function lastSegments(encoding: NrsEncodingName): (text: string) => number {
  let lastText: string | null = null;
  let last = 0;
  return (text) => {
    if (lastText !== text) {
      last = segmentsOf(text, encoding);
      lastText = text;
    }
    return last;
  };
}

function acceptanceOf(store: NrsStore, f: SendFields, now: number): Acceptance {
  return {
    sending: sendingFor(store, f, now),
    now,
    drawOutcome: outcomeDrawer(store.ctx),
    blacklisted: new Set(store.blacklist.sms.map((e) => e.recipient)),
    acceptedAt: isoUtc(now),
    scheduledAt: f.scheduledAt === null ? null : isoUtc(f.scheduledAt),
    expiresAt: f.expiresAt === null ? null : isoUtc(f.expiresAt),
  };
}

function planRecipient(plan: RequestPlan, to: string, i: number): Outcome {
  if (!validRecipient(to)) return { ok: false, to, error: nrsErrorDetail(102) };
  const { f } = plan;
  const digits = to.charCodeAt(0) === 43 /* '+' */ ? to.slice(1) : to;
  const contact = plan.store.contactByPhone(digits);
  const values = mergeValues(plan, contact, to, i);
  let text = plan.render(values);
  if (f.trans) text = applyTrans(text);
  const parts = plan.segments(text);
  if (parts > f.parts) return { ok: false, to, error: nrsErrorDetail(105) };
  return {
    ok: true,
    to,
    digits,
    contactId: contact?.id ?? null,
    text,
    parts,
    values: asStrings(values),
  };
}

/**
 * The merge values as the message keeps them. `values` is this recipient's own object, so
 * when every value is already a string (contact fields, text `sub` items) it is kept as is.
 */
function asStrings(values: MergeValues): Record<string, string> {
  // A plain object of own keys: for…in visits exactly Object.keys, without building its array.
  let allStrings = true;
  for (const key in values) if (typeof values[key] !== 'string') allStrings = false;
  if (allStrings) return values as Record<string, string>;
  const out: Record<string, string> = {};
  for (const key in values) out[key] = String(values[key]);
  return out;
}

/** Contact fields first, the request's `sub` item over them (seed line 297). */
function mergeValues(
  plan: RequestPlan,
  contact: NrsContact | undefined,
  to: string,
  i: number,
): MergeValues {
  const values: MergeValues = {};
  if (contact) {
    if (contact.name) values.name = contact.name;
    if (contact.surname) values.surname = contact.surname;
    if (contact.email) values.email = contact.email;
    for (const cf of contact.customFields) values[cf.key] = cf.value;
  }
  if (plan.wantsUnsub) values.UNSUB_URL = shortUrl(`unsub:${to}`);
  if (plan.wantsOtp) values.OTP_CODE = otpCode(plan);
  Object.assign(values, plan.f.sub?.[i] ?? {});
  return values;
}

function otpCode(plan: RequestPlan): string {
  let code = '';
  for (let i = 0; i < plan.f.otpLength; i++) code += plan.store.ctx.rng.pick(plan.otpAlphabet);
  return code;
}

/**
 * A named campaign has one OPENED sending that every later API send with that name
 * joins (seed line 3005: basic campaigns have one sending). Without a name, each
 * request is its own sending of campaign 0 (seed line 8427).
 */
function sendingFor(store: NrsStore, f: SendFields, now: number): Sending {
  if (f.campaignName !== null) {
    let campaign = store.campaignByName(f.campaignName);
    if (!campaign) {
      campaign = {
        id: store.campaignId(),
        name: f.campaignName,
        createdAt: now,
        updatedAt: now,
        sendingIds: [],
      };
      store.campaigns.set(campaign.id, campaign);
    }
    const existing = store.sendings.get(campaign.sendingIds[0] ?? -1);
    if (existing) {
      existing.updatedAt = now;
      for (const tag of f.tags) if (!existing.tags.includes(tag)) existing.tags.push(tag);
      return existing;
    }
    const sending = newSending(store, campaign.id, campaign.name, f.tags, now);
    campaign.sendingIds.push(sending.id);
    return sending;
  }
  return newSending(store, 0, '', [], now);
}

function newSending(
  store: NrsStore,
  campaignId: number,
  name: string,
  tags: string[],
  now: number,
): Sending {
  const sending: Sending = {
    id: store.sendingId(),
    campaignId,
    campaignName: name,
    tags: [...tags],
    createdAt: now,
    updatedAt: now,
    messageIds: [],
  };
  store.sendings.set(sending.id, sending);
  return sending;
}

function acceptRecipient(
  store: NrsStore,
  f: SendFields,
  acceptance: Acceptance,
  plan: Planned,
): SmsRecord {
  const { sending, now } = acceptance;
  const outcome = acceptance.drawOutcome();
  const rec: SmsRecord = {
    id: store.messageId(),
    from: f.from,
    to: plan.to,
    message: plan.text,
    encoding: f.encoding,
    parts: plan.parts,
    campaignId: sending.campaignId,
    campaignName: sending.campaignName,
    sendingId: sending.id,
    acceptedAt: now,
    scheduledAt: f.scheduledAt,
    expiresAt: f.expiresAt,
    // A blacklisted number is accepted, then rejected, as a real opt-out would be.
    outcome: acceptance.blacklisted.has(plan.digits) ? 'REJECTD' : outcome,
    customFields: plan.values,
    contactId: plan.contactId,
    deletedAt: null,
    updatedAt: null,
  };
  store.messages.set(rec.id, rec);
  sending.messageIds.push(rec.id);
  store.ctx.ledger.record({
    api: 'nrs',
    to: plan.to,
    messageId: rec.id,
    text: plan.text,
    parts: plan.parts,
    // Absent, not null, without a name: the ledger lists the entry without the key.
    campaignName: f.campaignName ?? undefined,
    at: acceptance.acceptedAt,
  });
  return rec;
}
