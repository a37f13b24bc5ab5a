/**
 * Grapheme cluster boundaries as `Intl.Segmenter` finds them, except that
 * "\r\n" counts as two clusters (a part may end between CR and LF, as the
 * oracle and the provider both allow).
 *
 * Why not always Intl.Segmenter: iterating it costs ~0.5-1 µs per cluster,
 * which alone would blow the 100 µs budget for a 1,600-character text. So a
 * state machine implements the UAX #29 rules (GB3-GB13) over character
 * classes taken from the engine itself, so that they follow the same Unicode
 * version as Intl.Segmenter:
 *   - most classes from the engine's regular-expression Unicode properties;
 *   - the few it does not expose (SpacingMark, Prepend, Indic_Conjunct_Break)
 *     by asking Intl.Segmenter once per candidate character, the first time a
 *     text needs them (Indic, Thai, Hangul... scripts);
 *   - Hangul syllable types arithmetically.
 * Astral code points outside the emoji and tag blocks (rare in SMS) still send
 * the whole text to Intl.Segmenter. Property tests check the state machine
 * against Intl.Segmenter.
 */

import { GSM_COST } from './gsm-tables';
import type { NationalHint } from './national-tables';

const UNKNOWN = 0;
const OTHER = 1;
const CONTROL = 2; // includes CR and LF: both break on either side (GB4/GB5)
const EXTEND = 3;
const ZWJ = 4;
const PICT = 5; // Extended_Pictographic
const RI = 6; // Regional_Indicator
const HIGH_SURROGATE = 7;
const SPACING_MARK = 8;
const PREPEND = 9;
// Hangul classes last: `prev >= HANGUL_L` tells whether GB6-GB8 can apply.
const HANGUL_L = 10;
const HANGUL_V = 11;
const HANGUL_T = 12;
const HANGUL_LV = 13;
const HANGUL_LVT = 14;

/** Indic_Conjunct_Break values (GB9c). */
const INCB_NONE = 0;
const INCB_CONSONANT = 1;
const INCB_LINKER = 2;
const INCB_EXTEND = 3;

/**
 * Blocks whose classes need Intl.Segmenter's answer (see derivation below):
 * Hangul, the South and South-East Asian scripts (spacing marks, conjuncts),
 * Thai/Lao AM, and the prepended concatenation marks.
 */
const DERIVED_BLOCKS: readonly (readonly [number, number])[] = [
  [0x0600, 0x0605],
  [0x06dd, 0x06dd],
  [0x070f, 0x070f],
  [0x0890, 0x0891],
  [0x08e2, 0x08e2],
  [0x0900, 0x0dff],
  [0x0e00, 0x0eff],
  [0x0f00, 0x109f],
  [0x1100, 0x11ff],
  [0x1700, 0x1cff],
  [0xa800, 0xaaff],
  [0xabc0, 0xabff],
  [0xac00, 0xd7ff],
  [0x11000, 0x11fff], // astral Brahmic scripts (Brahmi, Kaithi, Chakma, Sharada...)
];

/** Later rules override earlier ones, so Grapheme_Extend wins over Cf (ZWNJ) and Mc. */
const CLASS_RULES: readonly (readonly [RegExp, number])[] = [
  [/\p{Extended_Pictographic}/gu, PICT],
  [/\p{Mc}/gu, UNKNOWN], // SpacingMark candidates: derived
  [/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, CONTROL],
  [/(?=\p{Cn})\p{Default_Ignorable_Code_Point}/gu, CONTROL],
  [/\p{Grapheme_Extend}/gu, EXTEND],
  [/\p{Emoji_Modifier}/gu, EXTEND],
  [/\u200d/gu, ZWJ],
  [/\p{Regional_Indicator}/gu, RI],
];

/** Code points from..to as one string, in chunks (char-by-char concatenation is slow). */
function rangeString(from: number, to: number): string {
  const chunks: string[] = [];
  for (let start = from; start <= to; start += 4096) {
    const codes: number[] = [];
    for (let cp = start; cp <= Math.min(to, start + 4095); cp++) codes.push(cp);
    chunks.push(String.fromCodePoint(...codes));
  }
  return chunks.join('');
}

/** Classes from regular-expression properties, for the code points from..to. */
function regexClasses(from: number, to: number): Uint8Array {
  const t = new Uint8Array(to - from + 1).fill(OTHER);
  const chars = rangeString(from, to);
  for (const [re, cls] of CLASS_RULES) {
    for (const m of chars.matchAll(re)) {
      t[(m[0].codePointAt(0) as number) - from] = cls;
    }
  }
  return t;
}

const inDerivedBlock = (cp: number) => DERIVED_BLOCKS.some(([a, b]) => cp >= a && cp <= b);

/** Astral blocks the state machine knows: Brahmic scripts, emoji (flags, skin tones), tags. */
const ASTRAL_RANGES: readonly (readonly [number, number])[] = [
  [0x11000, 0x11fff],
  [0x1f000, 0x1faff],
  [0xe0000, 0xe01ff],
];

/** Class of a code point the regex properties cannot settle: ask Intl.Segmenter on first use. */
const PROBE = 15;
/** Indic_Conjunct_Break not asked yet. */
const INCB_UNPROBED = 255;

interface AstralBlock {
  from: number;
  to: number;
  regex: Uint8Array;
  classes: Uint8Array;
}

/** The class tables, built by `buildTables` on the first text that needs them. */
interface Tables {
  /** Regex classes, kept to finish a probed code point's class. */
  bmpRegex: Uint8Array;
  /** Class of every BMP code unit; UNKNOWN means "ask Intl.Segmenter for the whole text". */
  bmpClass: Uint8Array;
  /** Indic_Conjunct_Break per BMP code unit; only marks and derived blocks can have one. */
  bmpIncb: Uint8Array;
  brahmic: AstralBlock;
  emoji: AstralBlock;
  tags: AstralBlock;
  /** Walk kind per BMP code unit (see kindOf), SLOW until class and InCB are known. */
  kinds: Uint8Array;
  /** Walk kind per code point of the emoji block outside a conjunct (where InCB cannot matter), SLOW until known. */
  emojiKinds: Uint8Array;
  steps: Uint16Array;
  conjunctOf: Uint8Array;
}

/**
 * Built lazily: scanning the regex properties over the BMP takes tens of
 * milliseconds, which a CLI command or a window that never counts a
 * non-GSM text should not pay at start-up.
 */
let tables: Tables | undefined;

function buildTables(): Tables {
  const bmpRegex = new Uint8Array(0x10000);
  bmpRegex.set(regexClasses(0x0000, 0xd7ff), 0);
  bmpRegex.set(regexClasses(0xe000, 0xffff), 0xe000);
  const bmpClass = bmpRegex.slice();
  for (const [from, to] of DERIVED_BLOCKS) if (to < 0x10000) bmpClass.fill(PROBE, from, to + 1);
  bmpClass.fill(HIGH_SURROGATE, 0xd800, 0xdc00);
  bmpClass.fill(UNKNOWN, 0xdc00, 0xe000); // a lone low surrogate
  const bmpIncb = new Uint8Array(0x10000);
  for (let cu = 0; cu < 0x10000; cu++) {
    const cls = bmpClass[cu];
    if (cls === EXTEND || cls === ZWJ || cls === PROBE) bmpIncb[cu] = INCB_UNPROBED;
  }
  const [brahmic, emoji, tags] = ASTRAL_RANGES.map(([from, to]) => {
    const regex = regexClasses(from, to);
    const classes = inDerivedBlock(from) ? new Uint8Array(regex.length).fill(PROBE) : regex.slice();
    return { from, to, regex, classes };
  }) as [AstralBlock, AstralBlock, AstralBlock];
  const kinds = new Uint8Array(0x10000).fill(SLOW);
  for (let cu = 0; cu < 0x10000; cu++) {
    const cls = bmpClass[cu] as number;
    const incb = bmpIncb[cu] as number;
    const resolved = cls !== PROBE && cls !== UNKNOWN && cls !== HIGH_SURROGATE;
    if (resolved && incb !== INCB_UNPROBED) kinds[cu] = kindOf(cls, incb, cu);
  }
  const emojiKinds = new Uint8Array(emoji.to - emoji.from + 1).fill(SLOW);
  return { bmpRegex, bmpClass, bmpIncb, brahmic, emoji, tags, kinds, emojiKinds, ...buildSteps() };
}

function getTables(): Tables {
  tables ??= buildTables();
  return tables;
}

const ASTRAL_INCB = new Map<number, number>();

function astralBlock(cp: number): AstralBlock | undefined {
  const { emoji, tags, brahmic } = getTables();
  if (cp >= emoji.from && cp <= emoji.to) return emoji;
  if (cp >= tags.from && cp <= tags.to) return tags;
  if (cp >= brahmic.from && cp <= brahmic.to) return brahmic;
  return undefined;
}

let segmenter: Intl.Segmenter | undefined;

function getSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return segmenter;
}

/** Does Intl.Segmenter keep `text` in one cluster? */
function oneCluster(text: string): boolean {
  const it = getSegmenter().segment(text)[Symbol.iterator]();
  it.next();
  return it.next().done === true;
}

function hangulClass(cp: number): number {
  if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0xa960 && cp <= 0xa97c)) return HANGUL_L;
  if ((cp >= 0x1160 && cp <= 0x11a7) || (cp >= 0xd7b0 && cp <= 0xd7c6)) return HANGUL_V;
  if ((cp >= 0x11a8 && cp <= 0x11ff) || (cp >= 0xd7cb && cp <= 0xd7fb)) return HANGUL_T;
  if (cp >= 0xac00 && cp <= 0xd7a3) return (cp - 0xac00) % 28 === 0 ? HANGUL_LV : HANGUL_LVT;
  return UNKNOWN;
}

/** Class of a code point in a derived block, from its regex class and Intl.Segmenter's answers. */
function deriveClass(cp: number, regexClass: number): number {
  const hangul = hangulClass(cp);
  if (hangul !== UNKNOWN) return hangul;
  if (regexClass === EXTEND || regexClass === ZWJ) return regexClass;
  const ch = String.fromCodePoint(cp);
  // Prepended concatenation marks are format characters (Cf) but Prepend, not Control.
  if (oneCluster(`${ch}a`)) return PREPEND;
  if (regexClass === CONTROL) return CONTROL;
  if (oneCluster(`a${ch}`)) return SPACING_MARK;
  return regexClass === PICT ? PICT : OTHER;
}

/** Class of `cp` (BMP or astral), probing Intl.Segmenter once if the tables cannot tell. */
function classOf(cp: number): number {
  if (cp < 0x10000) {
    const { bmpClass, bmpRegex } = getTables();
    const cls = bmpClass[cp] as number;
    if (cls !== PROBE) return cls;
    const derived = deriveClass(cp, bmpRegex[cp] as number);
    bmpClass[cp] = derived;
    return derived;
  }
  const block = astralBlock(cp);
  if (!block) return UNKNOWN;
  const k = cp - block.from;
  const cls = block.classes[k] as number;
  if (cls !== PROBE) return cls;
  const derived = deriveClass(cp, block.regex[k] as number);
  block.classes[k] = derived;
  return derived;
}

/** Devanagari KA and VIRAMA: a known InCB consonant and linker to probe the others with. */
const KA = '\u0915';
const VIRAMA = '\u094d';

function deriveIncb(cp: number, cls: number): number {
  const ch = String.fromCodePoint(cp);
  if (cls === EXTEND || cls === ZWJ) {
    if (oneCluster(KA + ch + KA)) return INCB_LINKER;
    if (oneCluster(KA + VIRAMA + ch + KA)) return INCB_EXTEND;
    return INCB_NONE;
  }
  if (cls === OTHER && oneCluster(KA + VIRAMA + ch)) return INCB_CONSONANT;
  return INCB_NONE;
}

/**
 * Indic_Conjunct_Break of `cp`, probed once when it can matter: a base
 * character of a derived block may be a consonant; an astral mark only
 * matters inside a conjunct (`conjunct` > 0). A BMP mark is probed on first
 * sight even outside a conjunct (ZWJ, VS16 and the keycap mark of every
 * emoji sequence, a candrabindu after a vowel), so that its kind is cached
 * and the walk never leaves its fast path for it again.
 */
function incbOf(cp: number, cls: number, conjunct: number): number {
  const marks = cls === EXTEND || cls === ZWJ;
  if (cp < 0x10000) {
    const { bmpIncb } = getTables();
    const incb = bmpIncb[cp] as number;
    if (incb !== INCB_UNPROBED) return incb;
    const derived = deriveIncb(cp, cls);
    bmpIncb[cp] = derived;
    return derived;
  }
  const known = ASTRAL_INCB.get(cp);
  if (known !== undefined) return known;
  if (marks ? conjunct === 0 : !inDerivedBlock(cp)) return INCB_NONE;
  const derived = deriveIncb(cp, cls);
  ASTRAL_INCB.set(cp, derived);
  return derived;
}

/** Astral code points only matter to GB9c as Brahmic consonants, or as marks inside a conjunct. */
function mayHaveAstralIncb(cp: number, cls: number, conjunct: number): boolean {
  return cls === EXTEND || cls === ZWJ ? conjunct > 0 : cp >= 0x11000 && cp <= 0x11fff;
}

/** Is this class a pair that never breaks (GB6-GB8)? */
function hangulJoins(prev: number, cls: number): boolean {
  if (prev === HANGUL_L) {
    return cls === HANGUL_L || cls === HANGUL_V || cls === HANGUL_LV || cls === HANGUL_LVT;
  }
  if (prev === HANGUL_LV || prev === HANGUL_V) return cls === HANGUL_V || cls === HANGUL_T;
  if (prev === HANGUL_LVT || prev === HANGUL_T) return cls === HANGUL_T;
  return false;
}

/** What GB3-GB13 need to know of the text before a code point. */
interface WalkState {
  prev: number;
  /** 1: after ExtPict Extend*, 2: after ExtPict Extend* ZWJ (GB11). */
  pict: number;
  /** 1: after InCB consonant [Extend|Linker]*, 2: with a linker among them (GB9c). */
  conjunct: number;
  /** An odd number of regional indicators in a row just before (GB12/GB13). */
  riOdd: number;
}

/** One code point of class `cls` and Indic_Conjunct_Break `incb` after `s`: does it start a cluster, and the state after it. */
function ruleStep(s: WalkState, cls: number, incb: number): [boolean, WalkState] {
  const { prev, pict, conjunct, riOdd } = s;
  const joins =
    prev !== CONTROL &&
    cls !== CONTROL &&
    ((prev >= HANGUL_L && hangulJoins(prev, cls)) ||
      cls === EXTEND ||
      cls === ZWJ ||
      cls === SPACING_MARK ||
      prev === PREPEND ||
      (incb === INCB_CONSONANT && conjunct === 2) ||
      (cls === PICT && pict === 2) ||
      (cls === RI && prev === RI && riOdd === 1));
  let nextPict = 0;
  if (cls === PICT || (cls === EXTEND && pict === 1)) nextPict = 1;
  else if (cls === ZWJ && pict === 1) nextPict = 2;
  let nextConjunct = 0;
  if (incb === INCB_CONSONANT) nextConjunct = 1;
  else if (incb === INCB_LINKER && conjunct > 0) nextConjunct = 2;
  else if (incb === INCB_EXTEND) nextConjunct = conjunct;
  const next = {
    prev: cls,
    pict: nextPict,
    conjunct: nextConjunct,
    riOdd: cls === RI ? 1 - riOdd : 0,
  };
  return [!joins, next];
}

/**
 * A code unit's kind for the walk: class | InCB << 4 | NOT_GSM, one byte, so
 * the walk reads one table per code unit and one step entry; SLOW when the
 * class or InCB still has to be probed, or for a surrogate.
 */
const NOT_GSM = 64;
const KIND_WIDTH = 128; // 1 << 7: `state >> 7` is a state's number
const SLOW = 255;

const kindOf = (cls: number, incb: number, cu: number) =>
  cls | (incb << 4) | ((GSM_COST[cu] as number) === 0 ? NOT_GSM : 0);

/**
 * GB3-GB13 as a table: `ruleStep` run once for every reachable state and
 * every kind, so the walk does one lookup per code point instead of the
 * rules' dozen tests. Entry = next state * KIND_WIDTH | 1 if the code point
 * starts a cluster; state 0 is the text's start (as after a control).
 */
interface StepTable {
  steps: Uint16Array;
  /** The conjunct value of each state (probing InCB needs it). */
  conjunctOf: Uint8Array;
}

const CLASSES = [
  OTHER,
  CONTROL,
  EXTEND,
  ZWJ,
  PICT,
  RI,
  SPACING_MARK,
  PREPEND,
  HANGUL_L,
  HANGUL_V,
  HANGUL_T,
  HANGUL_LV,
  HANGUL_LVT,
];
const INCBS = [INCB_NONE, INCB_CONSONANT, INCB_LINKER, INCB_EXTEND];

function buildSteps(): StepTable {
  const key = (s: WalkState) => ((s.prev * 3 + s.pict) * 3 + s.conjunct) * 2 + s.riOdd;
  const states: WalkState[] = [{ prev: CONTROL, pict: 0, conjunct: 0, riOdd: 0 }];
  const ids = new Map<number, number>([[key(states[0] as WalkState), 0]]);
  const entries: number[][] = [];
  for (let id = 0; id < states.length; id++) {
    const row: number[] = [];
    for (const cls of CLASSES) {
      for (const incb of INCBS) {
        const [breaks, next] = ruleStep(states[id] as WalkState, cls, incb);
        let nextId = ids.get(key(next));
        if (nextId === undefined) {
          nextId = states.length;
          ids.set(key(next), nextId);
          states.push(next);
        }
        row[cls | (incb << 4)] = nextId * KIND_WIDTH + (breaks ? 1 : 0);
      }
    }
    entries.push(row);
  }
  const steps = new Uint16Array(states.length * KIND_WIDTH);
  entries.forEach((row, id) => {
    row.forEach((entry, kind) => {
      if (entry === undefined) return;
      steps[id * KIND_WIDTH + kind] = entry;
      steps[id * KIND_WIDTH + (kind | NOT_GSM)] = entry;
    });
  });
  return { steps, conjunctOf: Uint8Array.from(states, (s) => s.conjunct) };
}

/** Kind of the code point at i when the kind table cannot tell; -1 if the state machine does not cover it. */
function slowKind(text: string, i: number, cu: number, conjunct: number): number {
  const { bmpClass, bmpIncb, kinds, emoji, emojiKinds } = getTables();
  let cls = bmpClass[cu] as number;
  if (cls === HIGH_SURROGATE) {
    const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (low < 0xdc00 || low > 0xdfff) return -1;
    const cp = ((cu - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
    // Outside a conjunct an emoji's InCB cannot matter, so its kind depends on the code point alone.
    const e = cp - emoji.from;
    const cacheable = conjunct === 0 && e >= 0 && e < emojiKinds.length;
    if (cacheable && emojiKinds[e] !== SLOW) return emojiKinds[e] as number;
    cls = classOf(cp);
    if (cls === UNKNOWN) return -1;
    const incb = mayHaveAstralIncb(cp, cls, conjunct) ? incbOf(cp, cls, conjunct) : INCB_NONE;
    const kind = kindOf(cls, incb, cu);
    if (cacheable) emojiKinds[e] = kind;
    return kind;
  }
  if (cls === PROBE) cls = classOf(cu);
  if (cls === UNKNOWN) return -1;
  let incb = bmpIncb[cu] as number;
  if (incb === INCB_UNPROBED) incb = incbOf(cu, cls, conjunct);
  const kind = kindOf(cls, incb, cu);
  if (bmpIncb[cu] !== INCB_UNPROBED) kinds[cu] = kind;
  return kind;
}

/** High surrogate of U+1F000, the emoji block's first code point. */
const EMOJI_HIGH = 0xd83c;

/**
 * The cached kind of the surrogate pair high, low when it is a code point of
 * the emoji block met before outside a conjunct (see slowKind), else SLOW:
 * the pair's offset in the block is (high - EMOJI_HIGH) * 1024 + (low -
 * 0xdc00), so an emoji costs two loads and no call. `low` may be NaN (past
 * the text's end) or not a low surrogate at all.
 */
function emojiPairKind(
  emojiKinds: Uint8Array,
  high: number,
  low: number,
  conjunct: number,
): number {
  if ((low & 0xfc00) !== 0xdc00 || conjunct !== 0) return SLOW;
  const e = (high - EMOJI_HIGH) * 1024 + (low - 0xdc00);
  return e >= 0 && e < emojiKinds.length ? (emojiKinds[e] as number) : SLOW;
}

/**
 * Writes the start index of every cluster into `out` followed by text.length,
 * and returns the number of clusters; -1 when a code point is not covered by
 * the state machine. Sets marks[k] to 1 when cluster k holds a character
 * outside GSM 03.38, else 0: the counter's offending graphemes come out of the
 * same walk. `out` and `marks` must hold text.length + 1 entries.
 */
function fastBoundaries(
  text: string,
  out: Int32Array,
  marks: Uint8Array,
  hint: NationalHint | null,
): number {
  const { kinds, steps, conjunctOf, emojiKinds } = getTables();
  const n = text.length;
  const hintTable = hint === null ? kinds : hint.table;
  let held = hint === null ? 0 : hint.held;
  let escaped = 0;
  let count = 0;
  let state = 0;
  let i = 0;
  while (i < n) {
    const cu = text.charCodeAt(i);
    // The GSM-PT hint, while every character so far is in a Portuguese table (see NationalHint).
    if (held !== 0) {
      const bits = hintTable[cu] as number;
      held &= bits | (bits >> 1);
      escaped |= bits;
    }
    let kind = kinds[cu] as number;
    let width = 1;
    if (kind === SLOW) {
      kind = emojiPairKind(
        emojiKinds,
        cu,
        text.charCodeAt(i + 1),
        conjunctOf[state >> 7] as number,
      );
      if (kind === SLOW) kind = slowKind(text, i, cu, conjunctOf[state >> 7] as number);
      if (kind < 0) return -1;
      // A high surrogate's kind stands for its whole pair.
      if (cu >= 0xd800 && cu < 0xdc00) width = 2;
    }
    const step = steps[state + kind] as number;
    if ((step & 1) !== 0) {
      marks[count] = kind >> 6;
      out[count++] = i;
    } else if (kind >= NOT_GSM) {
      marks[count - 1] = 1;
    }
    state = step & -KIND_WIDTH;
    i += width;
  }
  if (hint !== null) {
    hint.held = held;
    hint.escaped = escaped;
  }
  out[count] = n;
  return count;
}

function segmenterBoundaries(text: string, out: Int32Array): number {
  let count = 0;
  for (const { segment, index } of getSegmenter().segment(text)) {
    out[count++] = index;
    if (segment === '\r\n') out[count++] = index + 1;
  }
  out[count] = text.length;
  return count;
}

/** marks[k] = 1 when cluster k holds a character outside GSM 03.38: for boundaries the walk did not find. */
function markClusters(text: string, out: Int32Array, count: number, marks: Uint8Array): void {
  for (let k = 0; k < count; k++) {
    marks[k] = 0;
    for (let i = out[k] as number; i < (out[k + 1] as number); i++) {
      if (GSM_COST[text.charCodeAt(i)] === 0) {
        marks[k] = 1;
        break;
      }
    }
  }
}

/**
 * Fills `out` with cluster starts (then text.length) and returns the cluster
 * count; marks[k] is set to 1 when cluster k holds a character outside GSM
 * 03.38, else 0. `out` and `marks` must hold at least text.length + 1 entries.
 * With a `hint`, also gathers the GSM-PT hint over the text.
 */
export function fillGraphemeBoundaries(
  text: string,
  out: Int32Array,
  marks: Uint8Array,
  hint: NationalHint | null = null,
): number {
  const count = fastBoundaries(text, out, marks, hint);
  if (count >= 0) return count;
  // The walk gives up only on a surrogate (lone, or an astral code point it
  // does not know), which no Portuguese table holds.
  if (hint !== null) hint.held = 0;
  const slow = segmenterBoundaries(text, out);
  markClusters(text, out, slow, marks);
  return slow;
}

/** Grapheme clusters of `text` as [start, end) UTF-16 index pairs; "\r\n" counts as two. */
export function graphemeBoundaries(text: string): number[] {
  const out = new Int32Array(text.length + 1);
  const count = fillGraphemeBoundaries(text, out, new Uint8Array(text.length + 1));
  return Array.from(out.subarray(0, count + 1));
}

/** The same boundaries, always computed by Intl.Segmenter (reference for tests). */
export function segmenterGraphemeBoundaries(text: string): number[] {
  const out = new Int32Array(text.length + 1);
  const count = segmenterBoundaries(text, out);
  return Array.from(out.subarray(0, count + 1));
}
