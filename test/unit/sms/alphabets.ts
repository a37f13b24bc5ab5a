import fc from 'fast-check';

/** Building blocks for generated messages: each entry is one whole grapheme cluster. */
export const GSM_BASIC_ATOMS = [
  ...'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./09:;<=>?¡AZÄÖÑÜ§¿azäöñüà',
];
export const GSM_EXTENSION_ATOMS = [...'^{}[]~\\|€\f'];
export const LOOK_ALIKE_ATOMS = [
  'ç',
  '\t',
  '\u00a0',
  '`',
  '\u2018',
  '\u2019',
  '\u201c',
  '\u201d',
  'á',
  'í',
  'ó',
  'ú',
  'ã',
  'õ',
  'ê',
  'â',
  'ô',
  '\u0391',
  '\u039f',
  '\u2126',
  '\u2026',
  '\u2014',
  'ж',
  '中',
];
export const EMOJI_ATOMS = [
  '😀',
  '👍🏽',
  '👨\u200d👩\u200d👧',
  '🇵🇹',
  '🇪🇸',
  '1\ufe0f\u20e3',
  '#\ufe0f\u20e3',
  '❤\ufe0f',
  '☺',
  '🏳\ufe0f\u200d🌈',
  '👩🏾\u200d💻',
];
export const COMBINING_ATOMS = ['e\u0301', 'a\u0300\u0323', 'o\u0308', 'n\u0303'];

const atom = (atoms: string[]) => fc.constantFrom(...atoms);

/** Messages mixing every class above, weighted towards GSM so both encodings come up. */
export function mixedMessage(maxAtoms = 400): fc.Arbitrary<string> {
  const anyAtom = fc.oneof(
    { arbitrary: atom(GSM_BASIC_ATOMS), weight: 12 },
    { arbitrary: atom(GSM_EXTENSION_ATOMS), weight: 3 },
    { arbitrary: atom(LOOK_ALIKE_ATOMS), weight: 1 },
    { arbitrary: atom(EMOJI_ATOMS), weight: 1 },
    { arbitrary: atom(COMBINING_ATOMS), weight: 1 },
  );
  return fc.array(anyAtom, { maxLength: maxAtoms, size: 'max' }).map((parts) => parts.join(''));
}

/** Messages that are GSM-7 only, long enough to span several parts. */
export function gsmMessage(maxAtoms = 700): fc.Arbitrary<string> {
  const anyAtom = fc.oneof(
    { arbitrary: atom(GSM_BASIC_ATOMS), weight: 5 },
    { arbitrary: atom(GSM_EXTENSION_ATOMS), weight: 1 },
  );
  return fc.array(anyAtom, { maxLength: maxAtoms, size: 'max' }).map((parts) => parts.join(''));
}

const pieces = (s: string) => fc.constantFrom(...s.split(' '));

/** The characters that join clusters, alone and in the sequences where they join. */
const JOINERS = [
  '\u200d', // ZWJ
  '\u200c', // ZWNJ
  '\ufe0f', // VS16
  '\ufe0e', // VS15
  '\u20e3', // keycap
  '\u0301',
  '\u0308',
  '\u094d', // Devanagari virama
  '\u093e', // spacing mark
  '\u0600', // prepend
  '\u0e33', // Thai SARA AM
  '\u1100',
  '\u1161',
  '\u11a8', // Hangul L V T
  '🏽',
  '🇵',
  '🇹',
  '\u{e0067}',
  '\u{e007f}', // tags
  '\ud83d', // a lone high surrogate
  '\udc4b', // a lone low surrogate
  '\r\n',
];

/**
 * One piece of an awkward message: GSM, Portuguese, emoji sequences,
 * Devanagari conjuncts, Hangul, Thai, Arabic, and the joiners on their own
 * (where a cluster edge is easiest to get wrong).
 */
export const AWKWARD_PIECE = fc.oneof(
  { arbitrary: fc.constantFrom(...GSM_BASIC_ATOMS, ' ', ' '), weight: 10 },
  { arbitrary: fc.constantFrom(...GSM_EXTENSION_ATOMS), weight: 2 },
  { arbitrary: pieces('ação informação está à é ç ã õ Évora ª º'), weight: 4 },
  { arbitrary: fc.constantFrom(...EMOJI_ATOMS, '👨‍👩‍👧', '1️⃣', '🏴‍☠️', '🇵🇹'), weight: 3 },
  { arbitrary: pieces('आपका पार्सल तैयार है क्षत्रिय स्त्री ज़ ।'), weight: 3 },
  { arbitrary: pieces('한국어 안녕하세요 ไทย ก\u0e33 مرحبا'), weight: 2 },
  { arbitrary: fc.constantFrom(...JOINERS), weight: 4 },
);

/** Messages of awkward pieces, joiners next to whatever they may or may not join. */
export function awkwardMessage(maxPieces = 600): fc.Arbitrary<string> {
  return fc.array(AWKWARD_PIECE, { maxLength: maxPieces }).map((p) => p.join(''));
}
