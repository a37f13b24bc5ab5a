import {
  type CountOptions,
  countSegments,
  type ForcingChar,
  forcingPositions,
  hasForcingChars,
} from './counter';
import { graphemeBoundaries } from './graphemes';
import { isGsmChar } from './gsm-tables';

/**
 * The provider's `trans=1` table (seed 003, `trans` parameter): what the
 * server itself substitutes when asked. 'º' and 'ª' are dropped.
 */
export const TRANS_TABLE: Readonly<Record<string, string>> = {
  á: 'a',
  í: 'i',
  ó: 'o',
  ú: 'u',
  ç: 'Ç',
  Á: 'A',
  Í: 'I',
  Ó: 'O',
  Ú: 'U',
  À: 'A',
  È: 'E',
  Ì: 'I',
  Ò: 'O',
  Ù: 'U',
  º: '',
  ª: '',
  Õ: 'O',
  õ: 'o',
  â: 'a',
  ê: 'e',
  î: 'i',
  ô: 'o',
  û: 'u',
  Â: 'A',
  Ê: 'E',
  Î: 'I',
  Ô: 'O',
  Û: 'U',
  ã: 'a',
  Ã: 'A',
};

/** Typographic characters that word processors and phones insert, with their plain GSM twin. */
export const SMART_PUNCTUATION: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u00b4': "'",
  '`': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2022': '-',
  '\u2026': '...',
  '\t': ' ',
  '\u00a0': ' ',
  '\u2000': ' ',
  '\u2001': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2004': ' ',
  '\u2005': ' ',
  '\u2006': ' ',
  '\u2007': ' ',
  '\u2008': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u205f': ' ',
  '\u3000': ' ',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
  '\u00ad': '',
};

/** Invisible marks that may trail a letter inside its grapheme and can simply go. */
const INVISIBLE_TRAIL = /^(?:[\u200b-\u200d\u2060\ufeff\u00ad]|\ufe0e|\ufe0f)+$/;

export type ReplacementReason = 'trans' | 'punctuation' | 'normalize';

export interface CharReplacement {
  from: string;
  to: string;
  count: number;
  reason: ReplacementReason;
}

export interface GsmSuggestion {
  /** The text with every suggested replacement applied. */
  text: string;
  /** Distinct replacements, in order of first appearance. */
  replacements: CharReplacement[];
  /** Graphemes no replacement can bring into GSM-7 (emoji, other scripts). */
  remaining: ForcingChar[];
  segmentsBefore: number;
  segmentsAfter: number;
  segmentsSaved: number;
}

/** Applies the provider's trans=1 table, as the server would. */
export function applyTrans(text: string): string {
  let out = '';
  for (const ch of text) out += TRANS_TABLE[ch] ?? ch;
  return out;
}

function replacementFor(grapheme: string): { to: string; reason: ReplacementReason } | undefined {
  const direct = TRANS_TABLE[grapheme] ?? SMART_PUNCTUATION[grapheme];
  if (direct !== undefined) {
    return { to: direct, reason: grapheme in TRANS_TABLE ? 'trans' : 'punctuation' };
  }
  // A decomposed letter (e + U+0301) often composes into a GSM letter (é).
  const composed = grapheme.normalize('NFC');
  if (composed !== grapheme && composed.length === 1) {
    if (isGsmChar(composed)) return { to: composed, reason: 'normalize' };
    const trans = TRANS_TABLE[composed];
    if (trans !== undefined) return { to: trans, reason: 'trans' };
  }
  const base = grapheme.charAt(0);
  if (grapheme.length > 1 && isGsmChar(base) && INVISIBLE_TRAIL.test(grapheme.slice(1))) {
    return { to: base, reason: 'punctuation' };
  }
  return undefined;
}

function needsReplacement(grapheme: string): boolean {
  for (let i = 0; i < grapheme.length; i++) if (!isGsmChar(grapheme.charAt(i))) return true;
  return false;
}

/**
 * Suggests replacements that bring `text` back to GSM-7: the provider's
 * `trans` table, plain twins of smart punctuation, and composed forms of
 * decomposed accents. Reports how many segments that saves (with `auto`).
 */
export function suggestGsmReplacements(
  text: string,
  opts: Pick<CountOptions, 'maxParts'> = {},
): GsmSuggestion {
  const before = countSegments(text, { ...opts, encoding: 'auto' });
  const byKey = new Map<string, CharReplacement>();
  let fixed = '';
  if (!hasForcingChars(before)) fixed = text;
  else {
    const b = graphemeBoundaries(text);
    for (let k = 0; k + 1 < b.length; k++) {
      const grapheme = text.slice(b[k], b[k + 1]);
      const found = needsReplacement(grapheme) ? replacementFor(grapheme) : undefined;
      if (!found) {
        fixed += grapheme;
        continue;
      }
      fixed += found.to;
      const seen = byKey.get(grapheme);
      if (seen) seen.count++;
      else byKey.set(grapheme, { from: grapheme, to: found.to, count: 1, reason: found.reason });
    }
  }
  const after = countSegments(fixed, { ...opts, encoding: 'auto' });
  // Listed on first read: Compose asks for a suggestion on every settled
  // non-GSM text but reads `remaining` only when there are replacements, and
  // a Hindi text leaves hundreds. An accessor in the literal stays enumerable,
  // so the suggestion copies and compares like a plain object.
  let remaining: ForcingChar[] | undefined;
  return {
    text: fixed,
    replacements: [...byKey.values()],
    get remaining(): ForcingChar[] {
      remaining ??= forcingPositions(after).first(Number.POSITIVE_INFINITY);
      return remaining;
    },
    set remaining(value: ForcingChar[]) {
      remaining = value;
    },
    segmentsBefore: before.segments,
    segmentsAfter: after.segments,
    segmentsSaved: before.segments - after.segments,
  };
}
