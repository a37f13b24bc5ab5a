import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphemeBoundaries, segmenterGraphemeBoundaries } from '../../../shared/sms/graphemes';

/**
 * The walk looks every code unit's kind up in one table and takes one step of
 * a table built from the GB3-GB13 rules; a kind is cached there only once its
 * class and Indic_Conjunct_Break are probed. These hold the Brahmic scripts,
 * where GB9c (conjuncts: consonant, virama, consonant) and GB9a (spacing
 * marks) decide, to Intl.Segmenter, first walk and cached walk alike.
 */

/** Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala. */
const BRAHMIC = fc.integer({ min: 0x0900, max: 0x0dff });

/** What sits between Indic letters: joiners, a Latin mark, spaces, digits, GSM letters, an emoji. */
const AROUND = fc.constantFrom(
  '\u200d', // ZWJ (InCB Extend)
  '\u200c', // ZWNJ
  '\u094d', // Devanagari virama (InCB Linker)
  '\u09cd', // Bengali virama
  '\u0d4d', // Malayalam virama
  '\u093c', // Devanagari nukta
  '\u09bc', // Bengali nukta
  '\u0901', // candrabindu (a mark outside a conjunct)
  '\u0301',
  ' ',
  'a',
  '1',
  '\n',
  '😀',
  '🏽',
);

const brahmicText = fc
  .array(
    fc.oneof({ arbitrary: BRAHMIC.map((cp) => String.fromCodePoint(cp)), weight: 4 }, AROUND),
    {
      maxLength: 40,
    },
  )
  .map((chars) => chars.join(''));

describe('Brahmic clusters in the table-driven walk', () => {
  it('match Intl.Segmenter on random Indic letters, viramas, nuktas and joiners, walked twice', () => {
    fc.assert(
      fc.property(brahmicText, (text) => {
        const expected = segmenterGraphemeBoundaries(text);
        expect(graphemeBoundaries(text)).toEqual(expected);
        // The second walk reads the kinds the first one probed and cached.
        expect(graphemeBoundaries(text)).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps conjuncts whole across a joiner and splits after ZWNJ', () => {
    const conjuncts = ['क्ष', 'क्\u200dष', 'স্ত', 'ന്\u200dത', 'क़्क'];
    for (const c of conjuncts)
      expect(graphemeBoundaries(c)).toEqual(segmenterGraphemeBoundaries(c));
    expect(graphemeBoundaries('क्\u200cष')).toEqual(segmenterGraphemeBoundaries('क्\u200cष'));
  });
});
