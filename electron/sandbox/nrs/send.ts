import { applyTrans } from '../../../shared/sms';
import { isoUtc } from '../clock';
import { drawOutcome } from '../context';
import { json, parseJsonBody, type SandboxReply } from '../http-types';
import { type NrsErrorDetail, nrsError, nrsErrorDetail } from './errors';
import { measureMessage } from './length';
import { type MergeValues, renderMessage, shortUrl } from './merge';
import type { SmsRecord } from './messages';
import type { Sending } from './model';
import { costMicros } from './price';
import { checkSendFields, type SendFields, validRecipient } from './send-checks';
import type { NrsStore } from './store';

interface Planned {
  to: string;
  text: string;
  parts: number;
  values: Record<string, string>;
}

type Outcome = { ok: true; plan: Planned } | { ok: false; to: string; error: NrsErrorDetail };

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
  const outcomes = fields.to.map((to, i) => planRecipient(store, fields, to, i));
  const accepted = outcomes.filter((o): o is Extract<Outcome, { ok: true }> => o.ok);
  if (accepted.length === 0) {
    const first = outcomes.find((o): o is Extract<Outcome, { ok: false }> => !o.ok);
    return nrsError(first?.error.code ?? 102, first?.error.description);
  }
  // Money, per part at each destination's coverage price; too little pays for nothing.
  const cost = accepted.reduce((sum, o) => sum + costMicros(o.plan.to, o.plan.parts), 0);
  if (!store.ctx.wallet.charge(cost)) return nrsError(111);
  const sending = sendingFor(store, fields, now);
  const result = outcomes.map((o) => {
    if (!o.ok) return { accepted: false, to: o.to, error: o.error };
    const rec = acceptRecipient(store, fields, sending, o.plan, now);
    return {
      accepted: true,
      to: o.plan.to,
      id: rec.id,
      parts: rec.parts,
      scheduledAt: rec.scheduledAt === null ? null : isoUtc(rec.scheduledAt),
      expiresAt: rec.expiresAt === null ? null : isoUtc(rec.expiresAt),
    };
  });
  const status = accepted.length === outcomes.length ? 202 : 207;
  return json(status, { campaignId: sending.campaignId, sendingId: sending.id, result });
}

function errorStatus(code: number): number {
  return nrsError(code).status;
}

function planRecipient(store: NrsStore, f: SendFields, to: string, i: number): Outcome {
  if (!validRecipient(to)) return { ok: false, to, error: nrsErrorDetail(102) };
  const values = mergeValues(store, f, to, i);
  let text = renderMessage(f.message, values);
  if (f.trans) text = applyTrans(text);
  const measure = measureMessage(text, f.encoding);
  if (measure.segments > f.parts) return { ok: false, to, error: nrsErrorDetail(105) };
  const stringValues = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
  return { ok: true, plan: { to, text, parts: measure.segments, values: stringValues } };
}

/** Contact fields first, the request's `sub` item over them (seed line 297). */
function mergeValues(store: NrsStore, f: SendFields, to: string, i: number): MergeValues {
  const values: MergeValues = {};
  const contact = store.contactByPhone(to.replace(/^\+/, ''));
  if (contact) {
    if (contact.name) values.name = contact.name;
    if (contact.surname) values.surname = contact.surname;
    if (contact.email) values.email = contact.email;
    for (const cf of contact.customFields) values[cf.key] = cf.value;
  }
  if (f.message.includes('{UNSUB_URL}')) values.UNSUB_URL = shortUrl(`unsub:${to}`);
  if (f.message.includes('{OTP_CODE}')) values.OTP_CODE = otpCode(store, f);
  Object.assign(values, f.sub?.[i] ?? {});
  return values;
}

function otpCode(store: NrsStore, f: SendFields): string {
  const alphabet = f.otpAlpha ? '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ' : '0123456789';
  let code = '';
  for (let i = 0; i < f.otpLength; i++) code += store.ctx.rng.pick([...alphabet]);
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
  sending: Sending,
  plan: Planned,
  now: number,
): SmsRecord {
  const normalised = plan.to.replace(/^\+/, '');
  const blacklisted = store.isBlacklisted('sms', normalised);
  const outcome = drawOutcome(store.ctx);
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
    outcome: blacklisted ? 'REJECTD' : outcome,
    customFields: plan.values,
    contactId: store.contactByPhone(normalised)?.id ?? null,
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
    ...(f.campaignName !== null ? { campaignName: f.campaignName } : {}),
    at: isoUtc(now),
  });
  return rec;
}
