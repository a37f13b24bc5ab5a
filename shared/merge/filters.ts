/**
 * The provider's merge-field filters (seed 003 "Custom fields filters", line 311):
 * `{name|lower}` etc. Each takes the field's value and returns the text the
 * provider will put in the message, or throws FilterError with a reason.
 */

/** Length-exact stand-in for a provider short link (`shorten`, `{UNSUB_URL}`): https://sms.tl/xxxxxx */
export const SHORT_LINK_PLACEHOLDER = 'https://sms.tl/xxxxxx';

export type FilterName =
  | 'lower'
  | 'upper'
  | 'capitalize'
  | 'capitalizeAll'
  | 'formatDotComma'
  | 'formatCommaDot'
  | 'shorten';

export type FilterFailure = 'not-a-number' | 'not-a-url';

export class FilterError extends Error {
  override readonly name = 'FilterError';
  constructor(
    readonly reason: FilterFailure,
    message: string,
  ) {
    super(message);
  }
}

const FIRST_LETTER = /\p{L}/u;
const WORD_START = /(^|\s)(\p{L})/gu;
/** A plain number: one optional decimal separator, no grouping (CSV exports write numbers so). */
const PLAIN_NUMBER = /^([+-]?)(\d+)(?:[.,](\d+))?$/;
/** Absolute http(s) URL with a host and no spaces (what a link shortener accepts). */
const HTTP_URL = /^https?:\/\/[^\s/?#@]+\.[^\s/?#@]+(?:[/?#]\S*)?$/i;

function capitalizeFirst(value: string): string {
  const m = FIRST_LETTER.exec(value);
  if (!m) return value;
  return value.slice(0, m.index) + m[0].toUpperCase() + value.slice(m.index + m[0].length);
}

/**
 * Regroups a plain number. A single '.' or ',' is read as the decimal
 * separator: "1234.5" and "1234,5" are both 1234.5. Decimals are kept as
 * written (no rounding), since the provider's examples show them unchanged.
 */
function formatNumber(value: string, thousands: string, decimal: string): string {
  const m = PLAIN_NUMBER.exec(value.trim());
  if (!m) {
    throw new FilterError('not-a-number', `"${value}" is not a number`);
  }
  const [, sign = '', int = '', frac] = m;
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return `${sign}${grouped}${frac === undefined ? '' : decimal + frac}`;
}

export const FILTERS: Readonly<Record<FilterName, (value: string) => string>> = {
  lower: (v) => v.toLowerCase(),
  upper: (v) => v.toUpperCase(),
  capitalize: capitalizeFirst,
  capitalizeAll: (v) =>
    v.replace(WORD_START, (_m, space: string, letter: string) => space + letter.toUpperCase()),
  formatDotComma: (v) => formatNumber(v, '.', ','),
  formatCommaDot: (v) => formatNumber(v, ',', '.'),
  shorten: (v) => {
    if (!HTTP_URL.test(v.trim())) throw new FilterError('not-a-url', `"${v}" is not a valid URL`);
    return SHORT_LINK_PLACEHOLDER;
  },
};

export function isFilterName(name: string): name is FilterName {
  return Object.hasOwn(FILTERS, name);
}
