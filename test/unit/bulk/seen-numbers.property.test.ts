import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeenNumbers } from '../../../electron/core/bulk/seen-numbers';

/**
 * The duplicate check's table must answer exactly as a Map of strings would:
 * a duplicate missed sends a message twice, a false one drops a recipient.
 */
const providerForm = fc.stringMatching(/^[1-9]\d{6,14}$/);
// Numbers that differ only in their last digits, or by 2^32, collide in weak hashes.
const nearby = fc
  .tuple(fc.integer({ min: 1, max: 2 ** 20 }), fc.integer({ min: 0, max: 2 ** 21 }))
  .map(([base, k]) => String(base * 2 ** 32 + k));
const other = fc.constantFrom(
  '',
  '0',
  '0034612345678',
  '34612345678',
  '1234567890123456',
  'abc',
  '+34612345678',
);
const recipient = fc.oneof(
  { arbitrary: providerForm, weight: 6 },
  { arbitrary: nearby, weight: 3 },
  { arbitrary: other, weight: 1 },
);

describe('SeenNumbers', () => {
  it('answers as a Map of the first row of each number', () => {
    // Drawn from a smaller pool, so numbers repeat (twice, three times…) as in a real file.
    const file = fc
      .tuple(
        fc.array(recipient, { minLength: 1, maxLength: 4_000 }),
        fc.array(fc.nat(), { maxLength: 12_000 }),
      )
      .map(([pool, picks]) => picks.map((i) => pool[i % pool.length] as string));
    fc.assert(
      fc.property(file, (numbers) => {
        const seen = new SeenNumbers();
        const model = new Map<string, number>();
        numbers.forEach((n, row) => {
          expect(seen.get(n)).toBe(model.get(n));
          seen.set(n, row + 2);
          if (!model.has(n)) model.set(n, row + 2);
        });
        for (const n of model.keys()) expect(seen.get(n)).toBe(model.get(n));
      }),
      { numRuns: 40 },
    );
  });
});
