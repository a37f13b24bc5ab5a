import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSegments } from '../../../shared/sms/counter';
import { graphemeBoundaries, segmenterGraphemeBoundaries } from '../../../shared/sms/graphemes';
import { EMOJI_ATOMS } from './alphabets';
import { countSegments as countBefore } from './reference/counter-before';

/**
 * The walk reads an emoji's kind straight from its surrogate pair (a table
 * over the emoji block, filled outside conjuncts), and caches the kind of a
 * BMP joiner (ZWJ, VS16, the keycap mark) on first sight, even outside a
 * conjunct. These hold emoji sequences (ZWJ families, flags, skin tones,
 * keycaps, tags), pieces of them, lone surrogates next to them and Indic
 * conjuncts around them to Intl.Segmenter, first walk and cached walk alike,
 * and the whole count to the counter as it was before.
 */

/** Any code point of the emoji block (U+1F000-1FAFF) and just past it. */
const EMOJI_BLOCK = fc
  .integer({ min: 0x1f000, max: 0x1fb0f })
  .map((cp) => String.fromCodePoint(cp));

const PIECES = fc.constantFrom(
  ...EMOJI_ATOMS,
  '\u200d', // ZWJ
  '\ufe0f', // VS16
  '\ufe0e', // VS15
  '\u20e3', // keycap
  '🏻',
  '🏽',
  '🏿', // skin tones (Extend)
  '🇵',
  '🇹',
  '🇺', // regional indicators
  '\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}', // a tag sequence
  '\u{e0067}',
  '🏴‍☠️',
  '❤',
  '☠',
  '\ud83c', // lone high surrogates of the emoji block
  '\ud83d',
  '\ud83e',
  '\udc4b', // a lone low surrogate
  'क', // Devanagari KA (InCB consonant)
  '\u094d', // virama (InCB linker): an emoji part may sit inside a conjunct
  ' ',
  'a',
  'ã',
  '\r\n',
);

/** Consonant, virama, a few emoji pieces, consonant: where GB9c asks an emoji part's InCB. */
const AROUND_CONJUNCT = fc
  .array(fc.oneof(PIECES, EMOJI_BLOCK), { maxLength: 3 })
  .map((inside) => `क\u094d${inside.join('')}क`);

const emojiText = fc
  .array(
    fc.oneof(
      { arbitrary: PIECES, weight: 5 },
      { arbitrary: EMOJI_BLOCK, weight: 2 },
      { arbitrary: AROUND_CONJUNCT, weight: 1 },
    ),
    { maxLength: 60 },
  )
  .map((p) => p.join(''));

describe('emoji in the table-driven walk', () => {
  it('match Intl.Segmenter on random emoji sequences, their pieces and conjuncts around them, walked twice', () => {
    fc.assert(
      fc.property(emojiText, (text) => {
        const expected = segmenterGraphemeBoundaries(text);
        expect(graphemeBoundaries(text)).toEqual(expected);
        // The second walk reads the kinds the first one cached.
        expect(graphemeBoundaries(text)).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('count as the counter before did: parts, offending graphemes and their positions', () => {
    fc.assert(
      fc.property(emojiText, fc.constantFrom(1, 3, 15), (text, repeat) => {
        const long = text.repeat(repeat);
        const expected = countBefore(long);
        expect(JSON.parse(JSON.stringify(countSegments(long)))).toEqual(
          JSON.parse(JSON.stringify(expected)),
        );
      }),
      { numRuns: 1500 },
    );
  });

  it('keeps a skin tone inside a conjunct, and splits it off after a lone high surrogate', () => {
    for (const text of ['क\u094d🏽क', '👍🏽क\u094d🏽क', '\ud83e\ud83d\udc4b🏽', '\ud83c🏽\ud83e']) {
      expect(graphemeBoundaries(text)).toEqual(segmenterGraphemeBoundaries(text));
    }
  });
});
