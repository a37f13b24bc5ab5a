/**
 * What may never reach a log file: account secrets, message text and phone
 * numbers. Every line the app logs passes through `redact` first (the Electron
 * logger's hook, electron/main/logging.ts), so a careless `console.error(row)`
 * cannot leak them either.
 */
export const REDACTED = '[redacted]';

/** Keys whose values are secrets or message text, whatever their shape. */
const SENSITIVE_KEY =
  /pass(word|phrase)?|secret|token|api[-_]?key|authorization|auth|credential|cookie|body|text|template|message|preview|content/i;

/** Runs of 6 or more digits, allowing the spaces, dots, dashes and brackets people write numbers with. */
const PHONE = /\+?\d(?:[\s().-]{0,2}\d){5,}/g;
/** `Bearer x`, `Basic x`, and key=value / key: value pairs whose key is sensitive. */
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const KEY_VALUE =
  /\b([A-Za-z_-]*(?:pass(?:word|phrase)?|secret|token|api[-_]?key|authorization)[A-Za-z_-]*)(["']?\s*[:=]\s*["']?)([^\s"'&,;}]+)/gi;

export function redactText(text: string): string {
  return text
    .replace(AUTH_SCHEME, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(KEY_VALUE, (_m, key: string, sep: string) => `${key}${sep}${REDACTED}`)
    .replace(PHONE, REDACTED);
}

/** A copy of `value` safe to log: sensitive keys blanked, strings scrubbed, cycles cut. */
export function redact(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'number' || typeof value === 'bigint') {
    return redactText(String(value)) === String(value) ? value : REDACTED;
  }
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[cycle]';
  seen.add(value);
  if (value instanceof Error) {
    const copy = new Error(redactText(value.message));
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : redactText(value.stack);
    return copy;
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SENSITIVE_KEY.test(key) ? REDACTED : redact(item, seen);
  }
  return out;
}
