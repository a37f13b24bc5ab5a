import fc from 'fast-check';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { normalizePhone, type ValidPhone } from '../../../shared/phone';

// Every country's example mobile number, as the valid numbers the properties start from.
const validNumbers: ValidPhone[] = Object.entries(examples).flatMap(([country, national]) => {
  const r = normalizePhone(national, { defaultCountry: country });
  return r.ok ? [r] : [];
});
const aValidNumber = fc.constantFrom(...validNumbers);

const sameNumber = (r: ReturnType<typeof normalizePhone>) =>
  r.ok ? { e164: r.e164, provider: r.provider, countryIso: r.countryIso, lineType: r.lineType } : r;

/** Writes digits the way spreadsheets and people do: groups split by spaces, dashes, dots, (). */
const formatted = (digits: string) =>
  fc
    .array(fc.constantFrom('', '', ' ', '-', '.', ' - ', '\u00a0'), {
      minLength: digits.length,
      maxLength: digits.length,
    })
    .chain((separators) =>
      fc.boolean().map((parenthesiseFirstGroup) => {
        const parts = [...digits].map((d, i) => d + (separators[i] ?? ''));
        if (parenthesiseFirstGroup && digits.length > 4) {
          return `(${parts.slice(0, 3).join('').trim()}) ${parts.slice(3).join('')}`;
        }
        return parts.join('');
      }),
    );

describe('normalizePhone properties', () => {
  it('covers most countries with a valid example number', () => {
    expect(validNumbers.length).toBeGreaterThan(200);
  });

  it('is idempotent: normalising E.164 or provider form gives the same number', () => {
    fc.assert(
      fc.property(aValidNumber, (n) => {
        const again = normalizePhone(n.e164);
        expect(sameNumber(again)).toEqual(sameNumber(n));
        const fromDefault = n.countryIso ? { defaultCountry: n.countryIso } : {};
        expect(sameNumber(normalizePhone(n.provider, fromDefault))).toEqual(sameNumber(n));
      }),
      { numRuns: 500 },
    );
  });

  it('provider form round-trips to the same E.164 without a default country', () => {
    fc.assert(
      fc.property(aValidNumber, (n) => {
        const back = normalizePhone(n.provider);
        expect(back.ok && back.e164).toBe(n.e164);
        expect(back.ok && back.readAs).toBe('provider-form');
      }),
      { numRuns: 500 },
    );
  });

  it('formatting variations of a valid number (spaces, dashes, parentheses, 00 vs +) agree', () => {
    fc.assert(
      fc.property(
        aValidNumber,
        fc.constantFrom('+', '00', '+ ', '00 '),
        fc.constantFrom(undefined, 'ES', 'US', 'FR'),
        fc.context(),
        (n, prefix, defaultCountry, ctx) => {
          fc.assert(
            fc.property(formatted(n.provider), (written) => {
              const input = prefix + written;
              ctx.log(input);
              const r = normalizePhone(input, defaultCountry ? { defaultCountry } : {});
              expect(r.ok && r.e164).toBe(n.e164);
            }),
            { numRuns: 5 },
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a national number formatted with separators reads the same in its own country', () => {
    fc.assert(
      fc.property(aValidNumber, (n) => {
        if (!n.countryIso) return;
        fc.assert(
          fc.property(formatted(n.nationalNumber), (written) => {
            const r = normalizePhone(written, { defaultCountry: n.countryIso ?? undefined });
            expect(r.ok && r.e164).toBe(n.e164);
          }),
          { numRuns: 3 },
        );
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text, and anything it accepts is stable', () => {
    let accepted = 0;
    // Random digits after a real calling code are valid often enough to exercise both branches.
    const dialCodes = [...new Set(validNumbers.map((n) => n.dialCode))];
    const digitsLike = fc
      .tuple(
        fc.constantFrom('+', '00', ''),
        fc.constantFrom(...dialCodes),
        fc.stringMatching(/^[0-9]{3,13}$/),
      )
      .map((parts) => parts.join(''));
    // Example numbers with their last digits changed: mostly valid, sometimes not.
    const nearValid = fc
      .tuple(aValidNumber, fc.stringMatching(/^[0-9]{1,3}$/), fc.constantFrom('+', '00', ''))
      .map(([n, tail, prefix]) => prefix + n.provider.slice(0, -tail.length) + tail);
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.stringMatching(/^[0-9 ()+\-.eE]{0,20}$/), digitsLike, nearValid),
        fc.constantFrom(undefined, 'ES', 'CO', 'US'),
        (input, defaultCountry) => {
          const r = normalizePhone(input, defaultCountry ? { defaultCountry } : {});
          if (!r.ok) {
            expect(r.message).not.toBe('');
            return;
          }
          expect(r.provider).toMatch(/^[1-9]\d{5,14}$/);
          expect(r.e164).toBe(`+${r.provider}`);
          expect(sameNumber(normalizePhone(r.e164))).toEqual(sameNumber(r));
          expect(sameNumber(normalizePhone(r.provider))).toEqual(sameNumber(r));
          accepted++;
        },
      ),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(300);
  });
});
