import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSegments, type EncodingChoice } from '../../../shared/sms/counter';
import { graphemeBoundaries } from '../../../shared/sms/graphemes';
import { EMOJI_ATOMS, GSM_BASIC_ATOMS, GSM_EXTENSION_ATOMS, mixedMessage } from './alphabets';
import { countSegments as countBefore } from './reference/counter-before';
import { graphemeBoundaries as boundariesBefore } from './reference/graphemes-before';

/**
 * A faster counter must not change one answer: every field of the
 * count (encoding, parts with positions, offending graphemes with positions,
 * the GSM-PT hint, national tables) equals the counter as it was before
 * (reference/, kept unchanged), for every encoding choice and part limit.
 */

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

const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...GSM_BASIC_ATOMS, ' ', ' '), weight: 10 },
  { arbitrary: fc.constantFrom(...GSM_EXTENSION_ATOMS), weight: 2 },
  { arbitrary: pieces('ação informação está à é ç ã õ Évora ª º'), weight: 4 },
  { arbitrary: fc.constantFrom(...EMOJI_ATOMS, '👨‍👩‍👧', '1️⃣', '🏴‍☠️', '🇵🇹'), weight: 3 },
  { arbitrary: pieces('आपका पार्सल तैयार है क्षत्रिय स्त्री ज़ ।'), weight: 3 },
  { arbitrary: pieces('한국어 안녕하세요 ไทย ก\u0e33 مرحبا'), weight: 2 },
  { arbitrary: fc.constantFrom(...JOINERS), weight: 4 },
);

const awkwardText = fc.array(piece, { maxLength: 600 }).map((p) => p.join(''));
const anyText = fc.oneof(
  awkwardText,
  mixedMessage(),
  fc.string({ unit: 'binary', maxLength: 300 }),
);
const choice = fc.constantFrom<EncodingChoice>('auto', 'gsm', 'gsm-pt', 'ucs2');

describe('counter against the counter before this round', () => {
  it('gives the same count, field for field, for any text, encoding and part limit', () => {
    fc.assert(
      fc.property(anyText, choice, fc.integer({ min: 1, max: 20 }), (text, encoding, maxParts) => {
        expect(countSegments(text, { encoding, maxParts })).toEqual(
          countBefore(text, { encoding, maxParts }),
        );
      }),
      { numRuns: 1500 },
    );
  });

  it('finds the same cluster boundaries as before', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(graphemeBoundaries(text)).toEqual(boundariesBefore(text));
      }),
      { numRuns: 800 },
    );
  });

  it('long texts (the 1,600-character case) with joiners near every part edge', () => {
    const long = fc
      .array(piece, { minLength: 400, maxLength: 900 })
      .map((p) => p.join('').slice(0, 1600));
    fc.assert(
      fc.property(long, choice, (text, encoding) => {
        expect(countSegments(text, { encoding })).toEqual(countBefore(text, { encoding }));
      }),
      { numRuns: 200 },
    );
  });
});
