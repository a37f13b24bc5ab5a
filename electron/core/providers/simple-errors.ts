import { z } from 'zod';
import type { ProviderError } from './errors';
import type { HttpResponse } from './http';
import { statusError, tryParseJson } from './response';

/** `{message}` / `{status:'error', message}` / `{error: '...'}` bodies of the three small APIs. */
const TextBodySchema = z.union([
  z.object({ message: z.string() }),
  z.object({ error: z.string() }),
]);

/**
 * Error for a non-2xx answer of an API without an error-code table (action,
 * address book, tags): classified by HTTP status, with the provider's text
 * when its body has one.
 */
export function simpleError(res: HttpResponse, name: string, nowMs = Date.now()): ProviderError {
  const json = tryParseJson(res.text);
  const body = json.ok ? TextBodySchema.safeParse(json.value) : null;
  const text = body?.success
    ? 'message' in body.data
      ? body.data.message
      : body.data.error
    : undefined;
  return statusError(res, { name, nowMs, ...(text ? { providerText: text } : {}) });
}
