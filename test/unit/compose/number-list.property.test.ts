import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitNumberList } from '../../../shared/compose';
import { normalizePhone } from '../../../shared/phone';

/** Spanish mobiles (6xx/7xx) written the ways people paste them. */
const mobile = fc
  .tuple(fc.constantFrom('6', '7'), fc.integer({ min: 10_000_000, max: 99_999_999 }))
  .map(([first, rest]) => `${first}${rest}`)
  .filter((n) => normalizePhone(n, { defaultCountry: 'ES' }).ok);

const spelling = (national: string) =>
  fc.constantFrom(
    national,
    `+34${national}`,
    `0034${national}`,
    `+34 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`,
    `(+34) ${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`,
  );

const entry = fc.oneof(
  { weight: 4, arbitrary: mobile.chain(spelling) },
  // Entries that are not numbers must come back too, to be shown as invalid.
  { weight: 1, arbitrary: fc.constantFrom('12', 'abc', '+34 666', 'n/a', '3.46666E+10') },
);

const separator = fc.constantFrom('\n', '\r\n', ',', ', ', ';', '\t', ' | ', '\n\n');

describe('splitNumberList (pasted columns and lists)', () => {
  it('gives back every entry, in order, whatever separates them', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 60 }), separator, (entries, sep) => {
        expect(splitNumberList(entries.join(sep))).toEqual(entries);
      }),
    );
  });

  it('keeps duplicates (merging them is the audience’s job, which says so)', () => {
    fc.assert(
      fc.property(mobile, fc.integer({ min: 2, max: 5 }), (n, times) => {
        expect(splitNumberList(Array(times).fill(n).join('\n'))).toHaveLength(times);
      }),
    );
  });

  it('splits whole numbers separated only by spaces, never a number written with spaces', () => {
    expect(splitNumberList('666555444 611222333')).toEqual(['666555444', '611222333']);
    expect(splitNumberList('+34 666 555 444')).toEqual(['+34 666 555 444']);
    // Not a number and not several: one invalid entry, shown as typed.
    expect(splitNumberList('+34 666')).toEqual(['+34 666']);
  });

  it('ignores blank lines and surrounding spaces of a spreadsheet column', () => {
    expect(splitNumberList('\n  666555444 \n\n\t\n611222333\n')).toEqual([
      '666555444',
      '611222333',
    ]);
  });
});
