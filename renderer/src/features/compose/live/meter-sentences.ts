import type { SegmentCount } from '../../../../../shared/sms';

/*
 * The counter's sentences, said on every keystroke. i18next's `t()` looks the
 * key up, picks the plural and parses the template on each call; here each
 * template is read from the catalog once per language and split at its
 * `{{placeholders}}`, and a keystroke only picks the plural form
 * (Intl.PluralRules, as i18next does) and joins the pieces. The words stay in
 * the compose catalogs (the keys below), where translators and
 * scripts/check-i18n.ts see them; test/unit/i18n/meter-sentences.test.ts
 * holds every sentence equal to what `t()` says.
 */

/** The catalog's template for a key of the compose namespace (its fallback language's if it lacks one). */
export type TemplateLookup = (key: string) => string | undefined;

type Values = Readonly<Record<string, string | number>>;
type Sentence = (values: Values) => string;

const KEYS = {
  gsm: { key: 'compose:encoding.gsm' },
  gsmPt: { key: 'compose:encoding.gsmPt' },
  ucs2: { key: 'compose:encoding.ucs2' },
  label: { key: 'compose:meter.label' },
  valueText: { key: 'compose:meter.valueText' },
  segments: { key: 'compose:meter.segments' },
  septets: { key: 'compose:meter.septets' },
  characters: { key: 'compose:meter.characters' },
  left: { key: 'compose:meter.left' },
  tooMany: { key: 'compose:meter.tooMany' },
} as const;

/** The key inside the compose namespace, as the catalog nests it. */
function inNamespace(entry: { key: string }): string {
  return entry.key.slice('compose:'.length);
}

/** A template split once at its `{{name}}` placeholders (even pieces are text, odd ones names). */
function compile(template: string): Sentence {
  const pieces = template.split(/\{\{\s*([^{}]+?)\s*\}\}/);
  if (pieces.length === 1) return () => template;
  return (values) => {
    let out = pieces[0] ?? '';
    for (let i = 1; i < pieces.length; i += 2)
      out += String(values[pieces[i] ?? ''] ?? '') + (pieces[i + 1] ?? '');
    return out;
  };
}

function sentenceOf(lookup: TemplateLookup, key: string): Sentence {
  // A key no catalog has reads as the key, as `t()` shows it.
  return compile(lookup(key) ?? key);
}

/** A plural sentence: the form `Intl.PluralRules` picks for the count (`_zero` first for 0, then `_other`). */
function pluralOf(
  lookup: TemplateLookup,
  language: string,
  key: string,
): (count: number) => Sentence {
  const rules = new Intl.PluralRules(language);
  const other = sentenceOf(lookup, `${key}_other`);
  const forms = new Map<string, Sentence>();
  for (const category of rules.resolvedOptions().pluralCategories) {
    const template = lookup(`${key}_${category}`);
    forms.set(category, template === undefined ? other : compile(template));
  }
  const zero = lookup(`${key}_zero`);
  const zeroForm = zero === undefined ? null : compile(zero);
  return (count) => (count === 0 && zeroForm) || forms.get(rules.select(count)) || other;
}

/** The counter's words in one language, built once and said on each keystroke. */
export interface MeterSentences {
  encoding: Record<SegmentCount['encoding'], string>;
  /** The meter's label (“Room used in this part”). */
  label: string;
  valueText(used: string, max: string): string;
  segments(count: number): string;
  /** Septets or characters, by the encoding. */
  units(encoding: SegmentCount['encoding'], count: number, formatted: string): string;
  left(count: number, perPart: string): string;
  tooMany(count: number, max: number): string;
}

export function meterSentences(language: string, lookup: TemplateLookup): MeterSentences {
  const key = (entry: { key: string }) => inNamespace(entry);
  const text = (entry: { key: string }) => lookup(key(entry)) ?? key(entry);
  const valueText = sentenceOf(lookup, key(KEYS.valueText));
  const segments = pluralOf(lookup, language, key(KEYS.segments));
  const septets = pluralOf(lookup, language, key(KEYS.septets));
  const characters = pluralOf(lookup, language, key(KEYS.characters));
  const left = pluralOf(lookup, language, key(KEYS.left));
  const tooMany = pluralOf(lookup, language, key(KEYS.tooMany));
  return {
    encoding: { gsm: text(KEYS.gsm), 'gsm-pt': text(KEYS.gsmPt), ucs2: text(KEYS.ucs2) },
    label: text(KEYS.label),
    valueText: (used, max) => valueText({ used, max }),
    segments: (count) => segments(count)({ count }),
    units: (encoding, count, formatted) =>
      (encoding === 'ucs2' ? characters : septets)(count)({ count, formatted }),
    left: (count, perPart) => left(count)({ count, perPart }),
    tooMany: (count, max) => tooMany(count)({ count, max }),
  };
}
