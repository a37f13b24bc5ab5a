/**
 * Local render of the 360nrs substitution variables `{field}` and `{field|filter}`
 * (seed 003 lines 285-350). A variable with no value is left as written, so the
 * person sees it in the delivered text rather than a silent blank.
 */
export type MergeValues = Record<string, string | number>;

const PLACEHOLDER = /\{([A-Za-z0-9_.-]+)(?:\|([A-Za-z]+))?\}/g;

export function renderMessage(template: string, values: MergeValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string, filter: string | undefined) => {
    const value = values[name];
    if (value === undefined) return whole;
    return filter ? applyFilter(String(value), filter) : String(value);
  });
}

function applyFilter(value: string, filter: string): string {
  switch (filter) {
    case 'lower':
      return value.toLowerCase();
    case 'upper':
      return value.toUpperCase();
    case 'capitalize':
      return value.charAt(0).toUpperCase() + value.slice(1);
    case 'capitalizeAll':
      return value.replace(
        /(^|\s)(\S)/g,
        (_m, space: string, ch: string) => space + ch.toUpperCase(),
      );
    case 'formatDotComma':
      return formatNumber(value, '.', ',');
    case 'formatCommaDot':
      return formatNumber(value, ',', '.');
    case 'shorten':
      return shortUrl(value);
    default:
      return value;
  }
}

function formatNumber(value: string, thousands: string, decimal: string): string {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) return value;
  const [int = '0', frac] = Math.abs(n).toString().split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return `${n < 0 ? '-' : ''}${grouped}${frac ? decimal + frac : ''}`;
}

/** A stable fake short link of the same length the provider gives (`https://sms.tl/xxxxxx`). */
export function shortUrl(value: string): string {
  let h = 2166136261;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 16777619);
  return `https://sms.tl/${(h >>> 0).toString(36).padStart(6, '0').slice(-6)}`;
}
