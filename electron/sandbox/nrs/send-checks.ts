import { isRecord } from '../http-types';
import { parseNrsDate } from './dates';
import { type NrsErrorDetail, nrsErrorDetail } from './errors';
import type { NrsEncodingName } from './length';

/**
 * Request-level checks of POST /api/rest/sms, in the order the seed's table lists the
 * codes. Each returns an error detail, or null when the field is fine.
 * Seed ambiguities and the choices made (seed 003):
 * - 113 is answered for an `encoding` outside gsm | gsm-pt | utf-16. Text the chosen
 *   alphabet cannot carry is accepted (sent with '?' in place, as shared/sms counts it);
 * - 108 = scheduleDate not a real YYYYmmddHHiiss date; 121 = scheduleDate more than
 *   a minute in the past; 119 = expirationDate unreadable, past, or not after scheduleDate;
 * - `sub` with a different number of items than `to` (line 289: "as many items as
 *   the send recipients") is 422 "Input validation error".
 */
export const ENCODINGS: readonly NrsEncodingName[] = ['gsm', 'gsm-pt', 'utf-16'];
export const MAX_PARTS = 15;
const PAST_TOLERANCE_MS = 60_000;

export interface SendFields {
  message: string;
  from: string;
  to: string[];
  encoding: NrsEncodingName;
  parts: number;
  scheduledAt: number | null;
  expiresAt: number | null;
  campaignName: string | null;
  tags: string[];
  sub: Record<string, string | number>[] | null;
  trans: boolean;
  otpLength: number;
  otpAlpha: boolean;
}

export function checkSendFields(
  body: unknown,
  now: number,
): { ok: true; fields: SendFields } | { ok: false; error: NrsErrorDetail; status?: number } {
  if (!isRecord(body)) return fail(125);
  const encoding = body.encoding ?? 'gsm';
  if (!ENCODINGS.includes(encoding as NrsEncodingName)) return fail(113);
  if (typeof body.message !== 'string' || body.message.trim() === '') return fail(104);
  if (typeof body.from !== 'string' || body.from.trim() === '') return fail(106);
  if (!senderFits(body.from)) return fail(107);
  if (!Array.isArray(body.to) || body.to.length === 0) return fail(102);
  const parts = body.parts ?? 1;
  if (typeof parts !== 'number' || !Number.isInteger(parts) || parts < 1 || parts > MAX_PARTS) {
    return fail(110);
  }
  const dates = checkDates(body, now);
  if ('error' in dates) return { ok: false, error: dates.error };
  const campaign = checkCampaign(body);
  if (campaign.error !== null) return { ok: false, error: campaign.error };
  const subError = checkSub(body.sub, body.to.length);
  if (subError) return { ok: false, error: subError, status: 422 };
  const notifyError = checkNotificationUrl(body.notificationUrl, body.to.length);
  if (notifyError) return { ok: false, error: notifyError };
  const timesError = checkAvailableTimes(body.availableTimes);
  if (timesError) return { ok: false, error: timesError };
  const otp = isRecord(body.otpConfig) ? body.otpConfig : {};
  return {
    ok: true,
    fields: {
      message: body.message,
      from: body.from,
      to: body.to.map((t) => (typeof t === 'string' || typeof t === 'number' ? String(t) : '')),
      encoding: encoding as NrsEncodingName,
      parts,
      scheduledAt: dates.scheduledAt,
      expiresAt: dates.expiresAt,
      campaignName: campaign.name,
      tags: campaign.tags,
      sub: (body.sub as Record<string, string | number>[] | undefined) ?? null,
      trans: body.trans === 1 || body.trans === '1',
      otpLength: typeof otp.length === 'number' ? Math.min(10, Math.max(3, otp.length)) : 4,
      otpAlpha: otp.alpha === true,
    },
  };
}

function fail(code: number): { ok: false; error: NrsErrorDetail } {
  return { ok: false, error: nrsErrorDetail(code) };
}

/** 15 digits (an optional leading +) or 11 alphanumeric characters (seed line 214). */
export function senderFits(from: string): boolean {
  const digits = from.replace(/^\+/, '');
  if (/^\d+$/.test(digits)) return digits.length <= 15;
  return from.length <= 11;
}

/** Recipients carry their international prefix: 8 to 15 digits, `+` tolerated. */
export function validRecipient(to: string): boolean {
  return /^\+?\d{8,15}$/.test(to);
}

function checkDates(
  body: Record<string, unknown>,
  now: number,
): { error: NrsErrorDetail } | { scheduledAt: number | null; expiresAt: number | null } {
  let scheduledAt: number | null = null;
  if (body.scheduleDate !== undefined && body.scheduleDate !== null && body.scheduleDate !== '') {
    const ms = parseNrsDate(body.scheduleDate);
    if (ms === null) return { error: nrsErrorDetail(108) };
    if (ms < now - PAST_TOLERANCE_MS) return { error: nrsErrorDetail(121) };
    scheduledAt = ms > now ? ms : null;
  }
  let expiresAt: number | null = null;
  if (
    body.expirationDate !== undefined &&
    body.expirationDate !== null &&
    body.expirationDate !== ''
  ) {
    const ms = parseNrsDate(body.expirationDate);
    if (ms === null || ms <= now || (scheduledAt !== null && ms <= scheduledAt)) {
      return { error: nrsErrorDetail(119) };
    }
    expiresAt = ms;
  }
  return { scheduledAt, expiresAt };
}

function checkCampaign(body: Record<string, unknown>): {
  error: NrsErrorDetail | null;
  name: string | null;
  tags: string[];
} {
  const tags = Array.isArray(body.tags) ? body.tags.map(String) : [];
  if (body.campaignName === undefined || body.campaignName === null) {
    // The seed: "campaignName is required if this parameter [tags] is specified".
    return { error: tags.length > 0 ? nrsErrorDetail(126) : null, name: null, tags };
  }
  if (typeof body.campaignName !== 'string' || body.campaignName.trim() === '') {
    return { error: nrsErrorDetail(126), name: null, tags };
  }
  return { error: null, name: body.campaignName, tags };
}

function checkSub(sub: unknown, recipients: number): NrsErrorDetail | null {
  if (sub === undefined || sub === null) return null;
  if (!Array.isArray(sub) || sub.length !== recipients || !sub.every(isRecord)) {
    return nrsErrorDetail(422, 'The sub field must contain one object per recipient in to.');
  }
  return null;
}

function checkNotificationUrl(url: unknown, recipients: number): NrsErrorDetail | null {
  if (url === undefined || url === null) return null;
  const urls = Array.isArray(url) ? url : [url];
  if (Array.isArray(url) && url.length !== recipients) return nrsErrorDetail(109);
  return urls.every((u) => typeof u === 'string' && /^https?:\/\/\S+$/.test(u))
    ? null
    : nrsErrorDetail(109);
}

const HOUR = /^([01]\d|2[0-3]):[0-5]\d$/;

function checkAvailableTimes(times: unknown): NrsErrorDetail | null {
  if (times === undefined || times === null) return null;
  if (!Array.isArray(times)) return nrsErrorDetail(183);
  for (const t of times) {
    if (!isRecord(t) || t.from === undefined || t.to === undefined) return nrsErrorDetail(189);
    if (t.day !== undefined) {
      if (typeof t.day !== 'number' || !Number.isInteger(t.day)) return nrsErrorDetail(184);
      if (t.day < 1 || t.day > 7) return nrsErrorDetail(185);
    }
    if (typeof t.from !== 'string' || !HOUR.test(t.from)) return nrsErrorDetail(186);
    if (typeof t.to !== 'string' || !HOUR.test(t.to)) return nrsErrorDetail(187);
    if (t.from > t.to) return nrsErrorDetail(188);
  }
  return null;
}
