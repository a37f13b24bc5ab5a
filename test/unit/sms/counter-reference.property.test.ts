import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSegments, type EncodingChoice } from '../../../shared/sms/counter';
import { graphemeBoundaries } from '../../../shared/sms/graphemes';
import { awkwardMessage, mixedMessage, AWKWARD_PIECE as piece } from './alphabets';
import { countSegments as countBefore } from './reference/counter-before';
import { graphemeBoundaries as boundariesBefore } from './reference/graphemes-before';

/**
 * A faster counter must not change one answer: every field of the
 * count (encoding, parts with positions, offending graphemes with positions,
 * the GSM-PT hint, national tables) equals the counter as it was before
 * (reference/, kept unchanged), for every encoding choice and part limit.
 */

const anyText = fc.oneof(
  awkwardMessage(),
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
