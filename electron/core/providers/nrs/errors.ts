import type { ProviderFailure } from '../../../../shared/domain/provider-error';
import {
  type NrsErrorDetail,
  NrsErrorResponseSchema,
} from '../../../../shared/providers/nrs/common';
import { nrsErrorInfo } from '../../../../shared/providers/nrs/error-codes';
import { ProviderError } from '../errors';
import type { HttpResponse } from '../http';
import { statusError, tryParseJson } from '../response';
import { parseRetryAfter } from '../retry-after';

export const NRS_NAME = '360nrs';

/** Our sentence for a code of the provider's table; 422 keeps the provider's specific text. */
function sentenceFor(detail: NrsErrorDetail): string | null {
  const info = nrsErrorInfo(detail.code);
  if (!info || info.kind === null) return null;
  const text = detail.description.trim();
  if (detail.code === 422 && text !== '' && text !== info.description) {
    return `${NRS_NAME} rejected the data: ${/[.!?]$/.test(text) ? text : `${text}.`}`;
  }
  return info.sentence;
}

/** A per-recipient error of a 207 answer (or a whole-request error) as a domain failure. */
export function nrsDetailFailure(detail: NrsErrorDetail, httpStatus: number): ProviderFailure {
  const info = nrsErrorInfo(detail.code);
  return {
    code: detail.code,
    httpStatus,
    kind: info?.kind ?? 'permanent',
    message:
      sentenceFor(detail) ??
      `${NRS_NAME} refused this recipient (code ${detail.code}): ${detail.description}.`,
  };
}

/**
 * The error for a non-2xx 360nrs answer: the provider's table when the body
 * carries a known code, else the HTTP status (429 with Retry-After, 5xx, a
 * proxy's HTML page...).
 */
export function nrsError(res: HttpResponse, nowMs = Date.now()): ProviderError {
  const json = tryParseJson(res.text);
  const body = json.ok ? NrsErrorResponseSchema.safeParse(json.value) : null;
  const error = body?.success ? body.data.error : undefined;
  if (error === undefined) return statusError(res, { name: NRS_NAME, nowMs });
  if (typeof error === 'string')
    return statusError(res, { name: NRS_NAME, providerText: error, nowMs });
  const info = nrsErrorInfo(error.code);
  const sentence = sentenceFor(error);
  if (!info?.kind || sentence === null) {
    return statusError(res, { name: NRS_NAME, providerText: error.description, nowMs });
  }
  const retryAfterMs =
    info.kind === 'transient' ? parseRetryAfter(res.headers['retry-after'], nowMs) : undefined;
  return new ProviderError({
    code: error.code,
    httpStatus: res.status,
    kind: info.kind,
    message: sentence,
    providerText: error.description,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}
