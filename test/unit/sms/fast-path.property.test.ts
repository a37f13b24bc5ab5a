import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSegments } from '../../../shared/sms/counter';
import { graphemeBoundaries, segmenterGraphemeBoundaries } from '../../../shared/sms/graphemes';
import { EMOJI_ATOMS, GSM_BASIC_ATOMS, GSM_EXTENSION_ATOMS } from './alphabets';

/**
 * The counter skips segmentation for code points that cannot join a cluster
 * and segments only around the others. These properties hold it to a count
 * built the slow way: Intl.Segmenter's clusters, laid out first-fit.
 */

/** GSM 03.38 basic and extension characters (the atoms list only the ends of the a-z, A-Z, 0-9 runs). */
const GSM = new Set([
  ...GSM_BASIC_ATOMS,
  ...GSM_EXTENSION_ATOMS,
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
]);

const pieces = (s: string) => fc.constantFrom(...s.split(' '));

/** Text pieces from the scripts a joiner can hide in, each a word or a lone character. */
const mixedPiece = fc.oneof(
  { arbitrary: fc.constantFrom(...GSM_BASIC_ATOMS, ' ', ' ', ' '), weight: 10 },
  { arbitrary: fc.constantFrom(...GSM_EXTENSION_ATOMS), weight: 2 },
  { arbitrary: pieces('ação informação está à é ç ã õ Évora ª º'), weight: 4 },
  {
    arbitrary: fc.constantFrom(...EMOJI_ATOMS, '👋', '👍🏿', '🧑\u200d🤝\u200d🧑', '🇧🇷'),
    weight: 3,
  },
  { arbitrary: pieces('आपका पार्सल तैयार है कृपया दुकान जाएँ क्षत्रिय स्त्री ज़ ।'), weight: 4 },
  { arbitrary: pieces('한국어 안녕하세요 \u1100\u1161\u11a8 \u1112\u1173'), weight: 2 },
  {
    arbitrary: pieces('e\u0301 a\u0300\u0323 o\u0308 n\u0303 \u0301 \u200d \ufe0f \u0915\u094d'),
    weight: 2,
  },
  { arbitrary: pieces('\u0600\u0661 \u0e01\u0e33 \u200b \u00ad'), weight: 1 },
);

const mixedText = fc
  .array(mixedPiece, { maxLength: 500, size: 'max' })
  .map((words) => words.join(''));

/** First-fit UCS-2 parts over Intl.Segmenter's clusters (70 units alone, else 67 a part). */
function slowUcs2(text: string) {
  const bounds = segmenterGraphemeBoundaries(text);
  const parts: { start: number; end: number; units: number }[] = [];
  const forcing: { char: string; index: number }[] = [];
  let start = 0;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const from = bounds[k] as number;
    const to = bounds[k + 1] as number;
    const cluster = text.slice(from, to);
    if ([...cluster].some((c) => !GSM.has(c))) forcing.push({ char: cluster, index: from });
    if (text.length > 70 && to - start > 67) {
      parts.push({ start, end: from, units: from - start });
      start = from;
    }
  }
  parts.push({ start, end: text.length, units: text.length - start });
  return { parts, forcing };
}

describe('fast path against full segmentation', () => {
  it('finds the same cluster boundaries as Intl.Segmenter on mixed scripts', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        expect(graphemeBoundaries(text)).toEqual(segmenterGraphemeBoundaries(text));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same UCS-2 parts and offending graphemes (with positions) as full segmentation', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        const r = countSegments(text, { encoding: 'ucs2' });
        const slow = slowUcs2(text);
        expect(r.parts).toEqual(slow.parts);
        expect(r.forcingUcs2).toEqual(slow.forcing);
      }),
      { numRuns: 400 },
    );
  });

  it('with auto, lists the same offending graphemes and only picks GSM-7 when there are none', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        const r = countSegments(text);
        const slow = slowUcs2(text);
        expect(r.forcingUcs2).toEqual(slow.forcing);
        if (slow.forcing.length > 0) {
          expect(r.encoding).toBe('ucs2');
          expect(r.parts).toEqual(slow.parts);
        } else {
          expect(r.encoding).toBe('gsm');
        }
      }),
      { numRuns: 400 },
    );
  });
});
