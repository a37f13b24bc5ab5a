import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countSegments,
  type EncodingChoice,
  type ForcingChar,
  type ForcingPositions,
  forcingPositions,
  hasForcingChars,
} from '../../../shared/sms/counter';
import { forcingStrings } from '../../../shared/sms/forcing-positions';
import { awkwardMessage, EMOJI_ATOMS, mixedMessage } from './alphabets';
import { countSegments as countBefore } from './reference/counter-before';

/**
 * `forcingPositions` answers what `forcingUcs2` lists (the graphemes that
 * force UCS-2, with where each starts) from offsets, without an object per
 * grapheme: every start, length and string must be the reference counter's,
 * however the count was made, copied or overtaken by later counts.
 */

const hindi = fc
  .array(fc.constantFrom(...'आपका पार्सल तैयार है क्षत्रिय स्त्री ज़ ।'.split(' '), ' ', 'a'), {
    maxLength: 300,
  })
  .map((p) => p.join(''));
const emoji = fc
  .array(fc.constantFrom(...EMOJI_ATOMS, 'ação ', 'a', '\u200d', '🏽', '🇵'), { maxLength: 400 })
  .map((p) => p.join(''));
const anyText = fc.oneof(awkwardMessage(), mixedMessage(), hindi, emoji);
const choice = fc.constantFrom<EncodingChoice>('auto', 'gsm', 'gsm-pt', 'ucs2');

/** Every reader's answer, spelled out as the list it stands for. */
function readAll(p: ForcingPositions): ForcingChar[] {
  const read: ForcingChar[] = [];
  for (let i = 0; i < p.size; i++) {
    expect(p.char(i).length).toBe(p.length(i));
    read.push({ char: p.char(i), index: p.index(i) });
  }
  return read;
}

const reference = (text: string, encoding: EncodingChoice) =>
  countBefore(text, { encoding }).forcingUcs2;

describe('forcingPositions', () => {
  it('gives the reference graphemes, starts and lengths, read right after the count', () => {
    fc.assert(
      fc.property(anyText, choice, fc.nat({ max: 12 }), (text, encoding, n) => {
        const count = countSegments(text, { encoding });
        const want = reference(text, encoding);
        const p = forcingPositions(count);
        expect(p.size).toBe(want.length);
        expect(readAll(p)).toEqual(want);
        expect(p.first(n)).toEqual(want.slice(0, n));
        expect(hasForcingChars(count)).toBe(want.length > 0);
        expect(forcingStrings(p)).toEqual(want.map((f) => f.char));
        // The list read after the positions is the same list.
        expect(count.forcingUcs2).toEqual(want);
      }),
      { numRuns: 600 },
    );
  });

  it('holds its own text when read after later counts reused the buffers', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyText, choice), { minLength: 2, maxLength: 5 }), (texts) => {
        const counts = texts.map(([text, encoding]) => countSegments(text, { encoding }));
        for (let k = texts.length - 1; k >= 0; k--) {
          const [text, encoding] = texts[k] as [string, EncodingChoice];
          const count = counts[k] as (typeof counts)[number];
          const want = reference(text, encoding);
          expect(hasForcingChars(count)).toBe(want.length > 0);
          expect(readAll(forcingPositions(count))).toEqual(want);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('answers from the list for a copied count, and after the list is read or replaced', () => {
    fc.assert(
      fc.property(anyText, choice, (text, encoding) => {
        const want = reference(text, encoding);
        const count = countSegments(text, { encoding });
        expect(readAll(forcingPositions(structuredClone(count)))).toEqual(want);
        expect(readAll(forcingPositions({ ...count }))).toEqual(want);
        expect(count.forcingUcs2).toEqual(want);
        expect(readAll(forcingPositions(count))).toEqual(want);
        count.forcingUcs2 = want.slice(1);
        expect(readAll(forcingPositions(count))).toEqual(want.slice(1));
        expect(hasForcingChars(count)).toBe(want.length > 1);
      }),
      { numRuns: 300 },
    );
  });

  it('points at each grapheme of a mixed text, one-based positions as the hint shows them', () => {
    const text = 'Olá 👍🏽 e\u0301 नमस्ते 👨\u200d👩\u200d👧!';
    const p = forcingPositions(countSegments(text));
    expect(p.first(8).map((f) => `${f.char}@${f.index + 1}`)).toEqual([
      'á@3',
      '👍🏽@5',
      'e\u0301@10',
      'न@13',
      'म@14',
      'स्ते@15',
      '👨\u200d👩\u200d👧@20',
    ]);
    expect(p.size).toBe(7);
    expect(forcingPositions(countSegments('Hello [world] €5')).size).toBe(0);
    expect(hasForcingChars(countSegments('Hello [world] €5'))).toBe(false);
  });

  it('keeps offsets past 65,535 exact in a text longer than any SMS', () => {
    const text = `${'a'.repeat(70_000)}ção ${'b'.repeat(1_000)}👍🏽`;
    const p = forcingPositions(countSegments(text, { encoding: 'ucs2' }));
    expect(readAll(p)).toEqual([
      { char: 'ç', index: 70_000 },
      { char: 'ã', index: 70_001 },
      { char: '👍🏽', index: 71_004 },
    ]);
  });
});
