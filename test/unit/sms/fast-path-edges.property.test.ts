import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSegments, type EncodingChoice } from '../../../shared/sms/counter';
import { countSegments as countBefore } from './reference/counter-before';

/**
 * The counter walks code points that cannot join a cluster on a fast path,
 * and lays UCS-2 parts out by searching the cluster starts rather than
 * visiting every cluster. These properties put joiners exactly where the
 * two paths meet: right after a run of fast-path characters, on and around
 * a part edge (67 / 70 code units), at the 1,600th character, and surrogate
 * pairs straddling a part edge; every field must equal the counter as it
 * was (reference/).
 */

/** Characters that join the one before them, or pairs that join each other. */
const JOINERS = [
  '\u0301', // combining acute
  '\u200d', // ZWJ
  '\ufe0f', // VS16
  '\u20e3', // keycap
  '🏽', // skin tone (a surrogate pair)
  '\u094d\u0915', // virama + KA: a conjunct
  '\u093e', // Devanagari spacing mark
  '\u0600', // prepend: joins what follows
  '\u1161', // Hangul V after an L
  '🇵🇹', // two regional indicators
  '👨\u200d👩\u200d👧', // ZWJ sequence
];

/** Fast-path runs: GSM letters, and non-GSM lone bases (ç, a Devanagari vowel, Cyrillic). */
const RUN_CHARS = ['a', 'Z', ' ', '1', 'ç', 'ã', '\u0906', 'ж', '\u1100', 'क'];

const run = (min: number, max: number) =>
  fc
    .array(fc.constantFrom(...RUN_CHARS), { minLength: min, maxLength: max })
    .map((c) => c.join(''));

const choice = fc.constantFrom<EncodingChoice>('auto', 'gsm', 'gsm-pt', 'ucs2');

/** A run, then a joiner placed so that it lands on or next to a part edge. */
const edgeText = fc
  .tuple(
    fc.constantFrom(66, 67, 68, 69, 70, 71, 133, 134, 135, 201),
    fc.integer({ min: -2, max: 2 }),
    fc.constantFrom(...JOINERS),
    run(0, 200),
    fc.array(fc.constantFrom(...JOINERS), { maxLength: 6 }),
  )
  .map(([edge, shift, joiner, tail, more]) => {
    const head = 'ação '.repeat(40).slice(0, Math.max(0, edge + shift));
    return head + joiner + tail + more.join('');
  });

function sameAsBefore(text: string, encoding: EncodingChoice): void {
  expect(countSegments(text, { encoding })).toEqual(countBefore(text, { encoding }));
}

describe('fast path and cluster search meet the segmented path', () => {
  it('a joiner on, just before or just after a part edge', () => {
    fc.assert(fc.property(edgeText, choice, sameAsBefore), { numRuns: 600 });
  });

  it('joiners scattered among long fast-path runs', () => {
    const text = fc
      .array(fc.tuple(run(0, 90), fc.constantFrom(...JOINERS)), { minLength: 1, maxLength: 30 })
      .map((pieces) => pieces.map(([r, j]) => r + j).join(''));
    fc.assert(fc.property(text, choice, sameAsBefore), { numRuns: 400 });
  });

  it('a surrogate pair straddling every part edge of a long text', () => {
    const text = fc
      .tuple(fc.integer({ min: 0, max: 66 }), fc.constantFrom('😀', '🏽', '👍🏽', '🇵🇹'))
      .map(([offset, emoji]) => {
        let t = 'é'.repeat(offset);
        while (t.length < 1600) t += `${'x'.repeat(66)}${emoji}`;
        return t.slice(0, 1600);
      });
    fc.assert(fc.property(text, choice, sameAsBefore), { numRuns: 200 });
  });

  it('the 1,600th character is a joiner, a half pair or a fast-path character', () => {
    const text = fc
      .tuple(run(1500, 1600), fc.constantFrom(...JOINERS, '\ud83d', 'a', 'ç'))
      .map(([body, last]) => (body + last).slice(0, 1600));
    fc.assert(fc.property(text, choice, sameAsBefore), { numRuns: 200 });
  });

  it('a grapheme longer than a part still falls back to the cut between code points', () => {
    const text = fc
      .tuple(run(0, 140), fc.integer({ min: 60, max: 150 }), run(0, 140))
      .map(([a, marks, b]) => `${a}e${'\u0301'.repeat(marks)}${b}`);
    fc.assert(fc.property(text, choice, sameAsBefore), { numRuns: 200 });
  });
});
