import type {
  MessageEncoding,
  OutgoingBatch,
  RecipientResult,
  SendResult,
} from '../../../../shared/domain/message';
import type { ProviderFailure } from '../../../../shared/domain/provider-error';
import { ROW_REF_FIELD } from '../../../../shared/domain/reconciliation';
import type {
  NrsEncoding,
  SmsSendRequest,
  SmsSendResponse,
  SmsSendResult,
} from '../../../../shared/providers/nrs/sms';
import { ProviderError } from '../errors';
import { toNrsDate } from './dates';
import { NRS_NAME, nrsDetailFailure } from './errors';

const WIRE_ENCODING: Record<MessageEncoding, NrsEncoding> = {
  gsm: 'gsm',
  'gsm-pt': 'gsm-pt',
  ucs2: 'utf-16',
};

/** 360nrs wants the international number as digits, no '+' or '00' (seed line 183). */
export function toNrsNumber(phone: string): string {
  const digits = phone.replace(/[^\d]/g, '');
  return phone.trim().startsWith('00') ? digits.slice(2) : digits;
}

export function buildSmsRequest(batch: OutgoingBatch): SmsSendRequest {
  if (batch.recipients.some((r) => r.text !== undefined && r.text !== batch.text)) {
    // One request carries one text; per-recipient differences travel as `sub` fields.
    throw new ProviderError({
      code: 'unsupported',
      httpStatus: null,
      kind: 'permanent',
      message: `${NRS_NAME} sends one text per request; use merge fields for per-recipient differences.`,
    });
  }
  const req: SmsSendRequest = {
    to: batch.recipients.map((r) => toNrsNumber(r.to)),
    from: batch.from,
    message: batch.text,
    encoding: WIRE_ENCODING[batch.encoding],
    parts: batch.maxParts,
  };
  // `sub` must have one item per `to` (seed line 287), so everyone gets one once anyone has fields.
  // A row reference rides along as a merge value the text never uses: the events report
  // shows it (showCustomFields=1), which is how a lost answer is matched to its rows.
  if (batch.recipients.some((r) => (r.fields && Object.keys(r.fields).length > 0) || r.ref)) {
    req.sub = batch.recipients.map((r) => ({
      ...(r.fields ?? {}),
      ...(r.ref ? { [ROW_REF_FIELD]: r.ref } : {}),
    }));
  }
  if (batch.scheduleAt) req.scheduleDate = toNrsDate(batch.scheduleAt);
  if (batch.expiresAt) req.expirationDate = toNrsDate(batch.expiresAt);
  if (batch.campaignName) {
    req.campaignName = batch.campaignName;
    // `tags` requires `campaignName` (seed line 259).
    if (batch.tags && batch.tags.length > 0) req.tags = [...batch.tags];
  }
  if (batch.transliterate) req.trans = 1;
  if (batch.flash) req.flash = true;
  if (batch.certified) req.certified = true;
  if (batch.splitParts) req.splitParts = true;
  return req;
}

const missing: ProviderFailure = {
  code: 'unknown-outcome',
  httpStatus: null,
  kind: 'unknown-outcome',
  message: `${NRS_NAME} answered without a result for this recipient, so whether it was accepted is unknown.`,
};

function toRecipientResult(to: string, r: SmsSendResult, httpStatus: number): RecipientResult {
  if (r.accepted) {
    return {
      to,
      accepted: true,
      messageId: r.id,
      parts: r.parts,
      scheduledAt: r.scheduledAt,
      expiresAt: r.expiresAt,
    };
  }
  return { to, accepted: false, failure: nrsDetailFailure(r.error, httpStatus) };
}

/**
 * Lines the answer up with the batch: `results[i]` for `recipients[i]`.
 * Results are matched by the echoed `to` (in order, so a number sent twice
 * takes its results in turn), not by position: a recipient the answer does
 * not mention is `unknown-outcome` rather than guessed.
 */
export function mapSendResponse(
  batch: OutgoingBatch,
  res: SmsSendResponse,
  httpStatus: number,
): SendResult {
  const wanted = batch.recipients.map((r) => toNrsNumber(r.to));
  const byNumber = new Map<string, SmsSendResult[]>();
  for (const r of res.result) {
    const key = toNrsNumber(r.to);
    const list = byNumber.get(key);
    if (list) list.push(r);
    else byNumber.set(key, [r]);
  }
  const results = batch.recipients.map((recipient, i): RecipientResult => {
    const r = byNumber.get(wanted[i] ?? '')?.shift();
    return r
      ? toRecipientResult(recipient.to, r, httpStatus)
      : { to: recipient.to, accepted: false, failure: missing };
  });
  return {
    campaignId: res.campaignId ? String(res.campaignId) : null,
    sendingId: res.sendingId ? String(res.sendingId) : null,
    results,
  };
}
