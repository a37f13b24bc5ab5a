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
