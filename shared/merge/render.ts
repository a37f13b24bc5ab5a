import { FILTERS, FilterError, type FilterFailure, SHORT_LINK_PLACEHOLDER } from './filters';
import type { Template } from './template';

/** One recipient's values, by field name (a CSV row, a contact's fields, a `sub` item). */
export type MergeRow = Readonly<Record<string, string | undefined>>;

/** otpConfig.length bounds and default (seed 003 `otpConfig`). */
export const OTP_LENGTH_MIN = 3;
export const OTP_LENGTH_MAX = 10;
export const OTP_LENGTH_DEFAULT = 4;

export interface RenderOptions {
  /** otpConfig.length: the `{OTP_CODE}` room to reserve. */
  otpLength?: number;
}

export type RenderFailure = 'missing' | 'empty' | 'unknown-filter' | FilterFailure;

export interface RenderError {
  field: string;
  reason: RenderFailure;
  /** One sentence naming the field, fit to show next to the row. */
  message: string;
}

export type RenderResult = { ok: true; text: string } | { ok: false; error: RenderError };

function otpLength(opts: RenderOptions): number {
  const length = opts.otpLength ?? OTP_LENGTH_DEFAULT;
  if (!Number.isInteger(length) || length < OTP_LENGTH_MIN || length > OTP_LENGTH_MAX) {
    throw new RangeError(
      `otpConfig.length must be ${OTP_LENGTH_MIN}-${OTP_LENGTH_MAX}, got ${length}`,
    );
  }
  return length;
}

function fail(field: string, reason: RenderFailure, message: string): RenderResult {
  return { ok: false, error: { field, reason, message } };
}

/**
 * Renders one row the way the provider will, for counting and preview:
 * short links and `{UNSUB_URL}` become a stand-in of the short link's exact
 * length, `{OTP_CODE}` a run of digits as long as the configured code. A field
 * the row lacks, or leaves blank, is an error naming it: the provider would
 * otherwise send a message with a hole in it.
 */
export function renderTemplate(
  template: Template,
  row: MergeRow,
  opts: RenderOptions = {},
): RenderResult {
  let text = '';
  for (const token of template.tokens) {
    if (token.kind === 'text') {
      text += token.text;
    } else if (token.kind === 'provider') {
      text += token.name === 'OTP_CODE' ? '0'.repeat(otpLength(opts)) : SHORT_LINK_PLACEHOLDER;
    } else if (token.unknownFilter !== undefined) {
      return fail(
        token.name,
        'unknown-filter',
        `${token.source}: unknown filter "${token.unknownFilter}".`,
      );
    } else {
      const value = Object.hasOwn(row, token.name) ? row[token.name] : undefined;
      if (value === undefined) {
        return fail(token.name, 'missing', `The row has no value for {${token.name}}.`);
      }
      if (value.trim() === '') {
        return fail(token.name, 'empty', `The value for {${token.name}} is empty.`);
      }
      if (token.filter === undefined) {
        text += value;
        continue;
      }
      try {
        text += FILTERS[token.filter](value);
      } catch (err) {
        if (!(err instanceof FilterError)) throw err;
        return fail(token.name, err.reason, `${token.source}: ${err.message}.`);
      }
    }
  }
  return { ok: true, text };
}
