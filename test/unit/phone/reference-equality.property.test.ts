import fc from 'fast-check';
import { Metadata, PhoneNumber } from 'libphonenumber-js/core';
import { type CountryCode, getCountries, getCountryCallingCode } from 'libphonenumber-js/max';
import maxMetadata from 'libphonenumber-js/max/metadata';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../../shared/phone';
import { numberTypeOf } from '../../../shared/phone/number-type';
import { normalizePhoneBefore } from './reference/normalize-before';

/**
 * A cheaper normalizePhone must not change one answer: for every input and default
 * country the whole result (reading, E.164, line type, reason and message) equals
 * normalizePhone as it was before round 7 (reference/, kept unchanged).
 */

const COUNTRIES = getCountries();
const CALLING_CODES = [...new Set(COUNTRIES.map((c) => getCountryCallingCode(c)))];
// Non-geographic calling codes (international freephone, satellite, ...) have their own plans.
const NON_GEOGRAPHIC = ['800', '808', '870', '878', '881', '882', '883', '888', '979'];

// PhoneNumber's (country or calling code, national number, metadata) constructor,
// which libphonenumber-js's README documents but its typings leave out.
const PhoneNumberOf = PhoneNumber as unknown as new (
  countryOrCallingCode: string,
  nationalNumber: string,
  metadata: typeof maxMetadata,
) => PhoneNumber;

const sameAsBefore = (input: string, defaultCountry: string | undefined) => {
  const options = defaultCountry === undefined ? {} : { defaultCountry };
  expect(normalizePhone(input, options)).toEqual(normalizePhoneBefore(input, options));
};

const digits = (min: number, max: number) =>
  fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));

/** Digits as people and spreadsheets write them, sometimes with text that is not allowed. */
const decorated = (body: fc.Arbitrary<string>) =>
  fc
    .tuple(
      fc.constantFrom('', '', '+', '00', "'", 'tel:', '+(0)', ' '),
      body,
      fc.constantFrom('', '', '', ' ', '-', '.', ')', 'x1', 'a', ' ext 2', '+1'),
      fc.nat(),
      fc.constantFrom('', ' ', '-', '.', '(', ') ', '/', '\u00a0'),
    )
    .map(([prefix, core, suffix, at, separator]) => {
      const cut = core.length === 0 ? 0 : at % core.length;
      return `${prefix}${core.slice(0, cut)}${separator}${core.slice(cut)}${suffix}`;
    });

/** A calling code (geographic or not) followed by national-looking digits. */
const withCallingCode = fc
  .tuple(
    fc.constantFrom(...CALLING_CODES, ...NON_GEOGRAPHIC),
    fc.constantFrom('', '0', ''),
    digits(0, 13),
  )
  .map(([code, trunk, rest]) => `${code}${trunk}${rest}`);

/** Every country's example mobile number, with a digit added, dropped or changed. */
const nearExample = fc
  .tuple(
    fc.constantFrom(...Object.values(examples)),
    fc.nat(),
    fc.constantFrom('add', 'drop', 'change', 'keep'),
  )
  .map(([example, at, edit]) => {
    const i = at % (example.length + 1);
    if (edit === 'add') return `${example.slice(0, i)}${at % 10}${example.slice(i)}`;
    if (edit === 'drop') return example.slice(0, i) + example.slice(i + 1);
    if (edit === 'change') return `${example.slice(0, i)}${(at >> 4) % 10}${example.slice(i + 1)}`;
    return example;
  });

const anInput = fc.oneof(
  decorated(digits(1, 20)),
  decorated(withCallingCode),
  decorated(nearExample),
  fc.string({ maxLength: 12 }),
);
const aDefaultCountry = fc.option(fc.constantFrom(...COUNTRIES, 'es', 'Us'), { nil: undefined });

/** Shared calling codes, trunk prefixes, lengths at the edges and every line type. */
const TRICKY: [string, string | undefined][] = [
  ['2015550123', 'US'],
  ['12015550123', 'US'],
  ['+1 201 555 0123', undefined],
  ['4165550123', 'CA'],
  ['14165550123', 'US'],
  ['18005550123', 'CA'],
  ['+1 876 555 0123', undefined],
  ['8095550123', 'DO'],
  ['011 44 7400 123456', 'US'],
  ['9123456789', 'RU'],
  ['89123456789', 'RU'],
  ['79123456789', 'RU'],
  ['77012345678', 'KZ'],
  ['+7 701 234 5678', undefined],
  ['7012345678', 'KZ'],
  ['810 34 666 555 444', 'RU'],
  ['07400123456', 'GB'],
  ['447400123456', 'GB'],
  ['+44 (0) 7400 123456', undefined],
  ['+44 7624 123456', undefined],
  ['7624123456', 'IM'],
  ['01534123456', 'JE'],
  ['07911123456', 'GG'],
  ['+44 20 7946 0958', undefined],
  ['0800 123 4567', 'GB'],
  ['666555444', 'ES'],
  ['34666555444', 'ES'],
  ['910123456', 'ES'],
  ['900123456', 'ES'],
  ['803123456', 'ES'],
  ['12345', 'ES'],
  ['66655544', 'ES'],
  ['6665554444', 'ES'],
  ['666 555 444 333 222 111', 'ES'],
  ['0034666555444', 'FR'],
  ['0612345678', 'FR'],
  ['33612345678', 'FR'],
  ['+33 6 12 34 56 78', 'DE'],
  ['015112345678', 'DE'],
  ['4915112345678', undefined],
  ['+800 1234 5678', undefined],
  ['+882 3456 7890', 'ES'],
  ['+999 123456', undefined],
  ['+0 123456', undefined],
  ['3.46666E+10', 'ES'],
  ['', 'ES'],
  ['   ', undefined],
  ['abc', 'ES'],
  ['+34 666 555 444 ext 12', 'ES'],
  ["'666555444", 'ES'],
  ['tel:+34666555444', undefined],
  ['11987654321', 'BR'],
  ['5511987654321', 'BR'],
  ['9876543210', 'IN'],
  ['919876543210', 'IN'],
  ['09012345678', 'JP'],
  ['+81 90 1234 5678', undefined],
  ['412345678', 'AU'],
  ['61412345678', 'AU'],
  ['1', 'US'],
  ['12', undefined],
  ['123456789012345678901', 'US'],
  ['+123456789012345678901', undefined],
];

describe('normalizePhone equals the reference from before round 7', () => {
  it.each(TRICKY)('%s (default %s)', (input, country) => {
    sameAsBefore(input, country);
  });

  it('on random inputs with and without a default country', () => {
    fc.assert(
      fc.property(anInput, aDefaultCountry, (input, country) => {
        sameAsBefore(input, country);
      }),
      { numRuns: 50_000 },
    );
  });

  it('on any two letters as the default country: the same result or the same error', () => {
    const outcome = (run: () => unknown) => {
      try {
        return run();
      } catch (error) {
        return { threw: String(error) };
      }
    };
    fc.assert(
      fc.property(anInput, fc.stringMatching(/^[A-Za-z]{2}$/), (input, code) => {
        // Twice, so a remembered default country answers as the first lookup did.
        for (let i = 0; i < 2; i++) {
          expect(outcome(() => normalizePhone(input, { defaultCountry: code }))).toEqual(
            outcome(() => normalizePhoneBefore(input, { defaultCountry: code })),
          );
        }
      }),
      { numRuns: 5_000 },
    );
  });

  it('on every country example in national, provider and + form, for every default country', () => {
    const forms = Object.entries(examples).flatMap(([country, national]) => {
      const code = getCountryCallingCode(country as CountryCode);
      return [national, `${code}${national}`, `+${code}${national}`];
    });
    for (const input of forms) {
      for (const country of ['ES', 'US', 'GB', 'RU', 'KZ', 'IT', 'DE', undefined]) {
        sameAsBefore(input, country);
      }
    }
  });
});

/** Any national digits of any plan, most starting like a real number there so types match. */
const aPlanAndNumber = fc
  .tuple(
    fc.constantFrom(...Object.entries(examples)),
    fc.nat(),
    digits(0, 6),
    fc.option(fc.constantFrom(...NON_GEOGRAPHIC), { freq: 8 }),
  )
  .map(([[country, example], keep, tail, nonGeographic]) => {
    const national = example.slice(0, keep % (example.length + 1)) + tail || '1';
    // A calling code alone selects the non-geographic plan, as a parse of +800... does.
    return new PhoneNumberOf(nonGeographic ?? (country as CountryCode), national, maxMetadata);
  });

describe('numberTypeOf equals libphonenumber-js getType()', () => {
  it('for national digits of every numbering plan', () => {
    fc.assert(
      fc.property(aPlanAndNumber, (phone) => {
        expect(numberTypeOf(phone)).toBe(phone.getType());
      }),
      { numRuns: 50_000 },
    );
  });
});

const TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;

interface PlanView {
  type(type: string): { pattern(): string } | undefined;
}

/** Every (plan, type pattern) of the metadata: digits drawn from the pattern itself hit every branch. */
const typePatterns = [...COUNTRIES, ...NON_GEOGRAPHIC].flatMap((plan) => {
  const metadata = new Metadata(maxMetadata);
  metadata.selectNumberingPlan(plan as CountryCode);
  const view = metadata.numberingPlan as unknown as PlanView;
  return TYPES.flatMap((type) => {
    const pattern = view.type(type)?.pattern();
    return pattern ? [{ plan, pattern }] : [];
  });
});

const aNumberOfSomeType = fc
  .constantFrom(...typePatterns)
  .chain(({ plan, pattern }) =>
    fc.tuple(fc.constant(plan), fc.stringMatching(new RegExp(`^(?:${pattern})$`))),
  )
  .filter(([, national]) => national.length > 0)
  .map(([plan, national]) => new PhoneNumberOf(plan as CountryCode, national, maxMetadata));

describe('numberTypeOf equals getType() on digits drawn from every type pattern', () => {
  it('including lengths the type does not have and numbers two types share', () => {
    fc.assert(
      fc.property(aNumberOfSomeType, (phone) => {
        expect(numberTypeOf(phone)).toBe(phone.getType());
      }),
      { numRuns: 50_000 },
    );
  });
});
