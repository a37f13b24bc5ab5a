import type { HttpResponse } from '../../../electron/core/providers/http';

/** A canned HTTP answer for classification tests. */
export function response(
  status: number,
  body: unknown,
  opts: { headers?: Record<string, string>; idempotent?: boolean } = {},
): HttpResponse {
  return {
    status,
    headers: opts.headers ?? {},
    text: typeof body === 'string' ? body : JSON.stringify(body),
    idempotent: opts.idempotent ?? false,
  };
}
