import type { z } from 'zod';
import type { ProviderErrorKind } from '../../../shared/domain/provider-error';
import { ProviderError } from './errors';
import type { HttpResponse } from './http';
import { parseRetryAfter } from './retry-after';

export function isSuccess(res: HttpResponse): boolean {
  return res.status >= 200 && res.status < 300;
}

/** JSON.parse that reports failure instead of throwing. */
export function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** A short, quotable description of a body that is not the JSON we expected (e.g. a proxy's HTML page). */
export function describeBody(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return 'an empty body';
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(trimmed)?.[1];
  if (title?.trim()) return `a page titled "${collapse(title).slice(0, 100)}"`;
  const start = collapse(trimmed.replace(/<[^>]*>/g, ' '));
  return `"${start.slice(0, 120)}${start.length > 120 ? '…' : ''}"`;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Class of an HTTP error status when the provider's body says nothing more precise. */
export function kindForStatus(status: number, idempotent: boolean): ProviderErrorKind {
  if (status === 429 || status === 408 || status === 425) return 'transient';
  // A gateway timeout on a send means the upstream may still be carrying it out.
  if (status === 504 && !idempotent) return 'unknown-outcome';
  if (status >= 500) return 'transient';
  if (status === 401 || status === 402 || status === 403 || status === 407) return 'account';
  return 'permanent';
}

function statusSentence(name: string, status: number, kind: ProviderErrorKind): string {
  if (status === 429) return `${name} asked to slow down (HTTP 429); it will be tried again later.`;
  if (status === 404) return `${name} has no such item (HTTP 404).`;
  if (status === 401 || status === 403)
    return `${name} refused the credentials (HTTP ${status}); check the account's key or password.`;
  if (status === 402) return `${name} says the account cannot pay for this (HTTP 402).`;
  if (kind === 'unknown-outcome')
    return `${name}'s gateway timed out (HTTP ${status}), so whether the request was carried out is unknown.`;
  if (kind === 'transient')
    return `${name} had a temporary problem (HTTP ${status}); it will be tried again.`;
  return `${name} rejected the request (HTTP ${status}).`;
}

interface ErrorOptions {
  name: string;
  /** The provider's own text, when its error body had one. */
  providerText?: string;
  nowMs?: number;
}

/** An error for a non-2xx answer from its status alone (plus Retry-After). */
export function statusError(res: HttpResponse, opts: ErrorOptions): ProviderError {
  const kind = kindForStatus(res.status, res.idempotent);
  const retryAfterMs =
    res.status === 429 || res.status === 503
      ? parseRetryAfter(res.headers['retry-after'], opts.nowMs ?? Date.now())
      : undefined;
  let message = statusSentence(opts.name, res.status, kind);
  if (opts.providerText) message = `${message.replace(/\.$/, '')}: ${opts.providerText}`;
  else if (tryParseJson(res.text).ok === false && res.text.trim() !== '')
    message = `${message.replace(/\.$/, '')} — it answered with ${describeBody(res.text)}.`;
  return new ProviderError({
    code: res.status,
    httpStatus: res.status,
    kind,
    message: ensureSentence(message),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(opts.providerText !== undefined ? { providerText: opts.providerText } : {}),
  });
}

function ensureSentence(s: string): string {
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/**
 * A 2xx answer we cannot read. For a send this is an answer lost (the
 * provider did accept something); for a read, try again later.
 */
export function unreadableSuccess(res: HttpResponse, name: string, why: string): ProviderError {
  if (!res.idempotent) {
    return new ProviderError({
      code: 'bad-body',
      httpStatus: res.status,
      kind: 'unknown-outcome',
      message: `${name} accepted the request but its answer could not be read (${why}), so what it carried out is unknown.`,
    });
  }
  return new ProviderError({
    code: 'bad-body',
    httpStatus: res.status,
    kind: 'transient',
    message: `${name}'s answer could not be read (${why}); it will be tried again.`,
  });
}

/** Parses a 2xx JSON body with `schema`, or throws the right ProviderError. */
export function parseSuccess<S extends z.ZodType>(
  res: HttpResponse,
  schema: S,
  name: string,
): z.infer<S> {
  const json = tryParseJson(res.text);
  if (!json.ok) throw unreadableSuccess(res, name, `it sent ${describeBody(res.text)}`);
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw unreadableSuccess(res, name, `unexpected data${where}`);
  }
  return parsed.data;
}
