import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterString } from '../../../shared/sms/cluster-strings';

/**
 * `forcingUcs2` shares the strings of short clusters between counts, one
 * slot per hash of their code units: whatever a slot held before, the string
 * handed out is the text's own slice. Code units drawn from a few values
 * 4096 apart (the slot mask) and from pairs with equal hashes make slots collide.
 */
const unit = fc.constantFrom(
  0x61,
  0x1061,
  0x2061,
  0x915,
  0x1915,
  0x94d,
  0xd83d,
  0xdc4b,
  0x3e,
  0x5d,
);
const text = fc.array(unit, { minLength: 1, maxLength: 12 }).map((u) => String.fromCharCode(...u));

describe('clusterString', () => {
  it('equals text.slice for every range, after any earlier ranges filled the slots', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.nat(), fc.integer({ min: 1, max: 4 }))), (calls) => {
        for (const [t, at, length] of calls) {
          const from = at % t.length;
          const to = Math.min(t.length, from + length);
          expect(clusterString(t, from, to)).toBe(t.slice(from, to));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
