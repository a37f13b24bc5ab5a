/**
 * Local render of the 360nrs substitution variables `{field}` and `{field|filter}`
 * (seed 003 lines 285-350). A variable with no value is left as written, so the
 * person sees it in the delivered text rather than a silent blank.
 */
export type MergeValues = Record<string, string | number>;

const PLACEHOLDER = /\{([A-Za-z0-9_.-]+)(?:\|([A-Za-z]+))?\}/g;

export function renderMessage(template: string, values: MergeValues): string {
  return compileMessage(template)(values);
}

interface Slot {
  whole: string;
  name: string;
  filter: string | undefined;
}

/**
 * The template read once: a send renders the same template for every recipient, and
 * where its placeholders are does not depend on the values, so only the values are
 * looked up per recipient. Gives exactly what a `replace` over the template gives.
 */
export function compileMessage(template: string): (values: MergeValues) => string {
  const literals: string[] = [];
  const slots: Slot[] = [];
  let from = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    literals.push(template.slice(from, m.index));
    slots.push({ whole: m[0], name: m[1] as string, filter: m[2] });
    from = m.index + m[0].length;
  }
  const tail = template.slice(from);
  if (slots.length === 0) return () => template;
  return (values) => {
    let out = '';
    for (let i = 0; i < slots.length; i++) out += literals[i] + fill(slots[i] as Slot, values);
    return out + tail;
  };
}

function fill(slot: Slot, values: MergeValues): string {
  const value = values[slot.name];
  if (value === undefined) return slot.whole;
  return slot.filter ? applyFilter(String(value), slot.filter) : String(value);
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
