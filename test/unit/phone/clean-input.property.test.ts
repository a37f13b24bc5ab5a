import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanInput } from '../../../shared/phone/clean-input';
import { cleanInputBefore } from './reference/clean-input-before';

/**
 * cleanInput reads bare digits and +digits without its replacements: every
 * input must still read exactly as before (digits, international prefix, or
 * the same refusal), 00 and a lone + included.
 */

const digitsOrNot = fc.stringMatching(/^[0-9]{0,16}$/);
const anInput = fc.oneof(
  fc
    .tuple(fc.constantFrom('', '+', '00', '0', '++', ' ', "'", 'tel:', '+00', '000'), digitsOrNot)
    .map(([prefix, digits]) => `${prefix}${digits}`),
  fc
    .tuple(
      digitsOrNot,
      fc.constantFrom('', ' ', '\t', 'e5', 'E+10', '.5e3', '-', '+', 'x'),
      digitsOrNot,
    )
    .map(([a, middle, b]) => `${a}${middle}${b}`),
  fc.stringMatching(/^[+0-9٠-٩０-９ \-.e]{0,12}$/),
  fc.string({ maxLength: 12 }),
);

describe('cleanInput equals the reference from before round 8', () => {
  it.each([
    '',
    '+',
    '0',
    '00',
    '000',
    '0034666555444',
    '+0034666555444',
    '666555444',
    '+34666555444',
    '+',
    '١٢٣',
    '3e10',
    '+3.4E+10',
  ])('%j', (input) => {
    expect(cleanInput(input)).toEqual(cleanInputBefore(input));
  });

  it('on random inputs', () => {
    fc.assert(
      fc.property(anInput, (input) => {
        expect(cleanInput(input)).toEqual(cleanInputBefore(input));
      }),
      { numRuns: 50_000 },
    );
  });
});
