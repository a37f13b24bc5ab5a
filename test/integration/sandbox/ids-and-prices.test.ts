import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COVERAGE } from '../../../electron/sandbox/nrs/coverage-list';
import {
  measureMessage,
  type NrsEncodingName,
  segmentsOf,
} from '../../../electron/sandbox/nrs/length';
import { messageIdOf } from '../../../electron/sandbox/nrs/message-id';
import { partPriceMicros, UNLISTED_PART_MICROS } from '../../../electron/sandbox/nrs/price';
import { toMicros } from '../../../shared/cost/money';

/** The ids the sandbox has always given: what a stored id or a status lookup depends on. */
const idAsBefore = (counter: number, random: number) =>
  (counter.toString(36).padStart(8, '0') + random.toString(36).padStart(5, '0')).toUpperCase();

/** The price as it was read with string operations: digits only, '00' dropped, longest code. */
const DIALS = new Map(
  COVERAGE.filter((l) => l.networkName === 'Default').map((l) => [l.dialCode, toMicros(l.cost)]),
);
function priceAsBefore(to: string): number {
  const digits = to.replace(/\D/g, '').replace(/^00/, '');
  for (let n = Math.min(3, digits.length); n >= 1; n--) {
    const price = DIALS.get(digits.slice(0, n));
    if (price !== undefined) return price;
  }
  return UNLISTED_PART_MICROS;
}

describe('message ids and part prices, built per recipient without intermediate strings', () => {
  it('gives the id the sandbox always gave, for any counter and random part', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.nat({ max: 36 ** 8 + 5_000 }),
          fc.integer({ min: 36 ** 8 - 50, max: 36 ** 8 + 50 }),
        ),
        fc.nat({ max: 36 ** 5 - 1 }),
        (counter, random) => {
          expect(messageIdOf(counter, random)).toBe(idAsBefore(counter, random));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('writes ids as thirteen upper-case base-36 characters', () => {
    expect(messageIdOf(1, 0)).toBe('0000000100000');
    expect(messageIdOf(35, 36 ** 5 - 1)).toBe('0000000ZZZZZZ');
    expect(messageIdOf(36 ** 8 - 1, 36)).toBe('ZZZZZZZZ00010');
  });

  it('prices any written number as the string-built lookup did', () => {
    const written = fc.string({
      unit: fc.constantFrom('0', '0', '1', '3', '4', '5', '9', '+', ' ', '-', 'x', '(', ')'),
      maxLength: 18,
    });
    const dialled = fc
      .tuple(
        fc.constantFrom('', '+', '00', '+00', '0'),
        fc.constantFrom(...DIALS.keys()),
        fc.string({ unit: fc.constantFrom('0', '6', '7'), maxLength: 10 }),
      )
      .map(([lead, dial, rest]) => lead + dial + rest);
    fc.assert(
      fc.property(fc.oneof(written, dialled), (to) => {
        expect(partPriceMicros(to)).toBe(priceAsBefore(to));
      }),
      { numRuns: 3_000 },
    );
  });

  it("charges Spain's and the United States' default prices, and an unlisted number the dearest", () => {
    expect(partPriceMicros('+34 600 000 000')).toBe(DIALS.get('34'));
    expect(partPriceMicros('0012025550100')).toBe(DIALS.get('1'));
    expect(partPriceMicros('99912345678')).toBe(UNLISTED_PART_MICROS);
  });
});

describe("a recipient's parts, counted without a measure when UCS-2 carries the text in one", () => {
  it('counts the parts the full measure counts, in every encoding', () => {
    const unit = fc.oneof(
      fc.constantFrom('a', 'é', '€', 'ñ', '{', ' ', '\u0301', '😀', '👍🏽'),
      fc.string({ unit: 'grapheme', maxLength: 1 }),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit, maxLength: 200 }),
          // Around one UCS-2 part's 70 code units, where the shortcut ends.
          fc.string({ unit: fc.constantFrom('a', '€', 'ñ', '😀'), minLength: 60, maxLength: 75 }),
        ),
        fc.constantFrom<NrsEncodingName>('gsm', 'gsm-pt', 'utf-16'),
        (text, encoding) => {
          expect(segmentsOf(text, encoding)).toBe(measureMessage(text, encoding).segments);
        },
      ),
      { numRuns: 3_000 },
    );
  });
});
