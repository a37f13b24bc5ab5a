import fc from 'fast-check';
import { Metadata } from 'libphonenumber-js/core';
import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import maxMetadata from 'libphonenumber-js/max/metadata';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../../shared/phone';
import {
  type ParsedNumber,
  quickParseInternational,
  quickParseNational,
} from '../../../shared/phone/quick-parse';
import { normalizePhoneBefore } from './reference/normalize-before';

/**
 * The quick parse may decline (null) but never answer differently from
 * libphonenumber-js/max: whenever it answers, the number, country, calling code
 * and national number are the plain parse's, and the plain parse is a number.
 */

const COUNTRIES = getCountries();

interface PlanView {
  nationalPrefix(): string | undefined;
  IDDPrefix(): string;
  type(type: string): { pattern(): string } | undefined;
}

function planOf(country: CountryCode): PlanView {
  const metadata = new Metadata(maxMetadata);
  metadata.selectNumberingPlan(country);
  return metadata.numberingPlan as unknown as PlanView;
}

const TYPES = ['FIXED_LINE', 'MOBILE', 'TOLL_FREE', 'PREMIUM_RATE', 'VOIP', 'UAN'] as const;

/** Per country: digits drawn from its own type patterns, so most are real-looking numbers. */
const patterns = COUNTRIES.flatMap((country) => {
  const plan = planOf(country);
  return TYPES.flatMap((type) => {
    const pattern = plan.type(type)?.pattern();
    return pattern ? [{ country, pattern }] : [];
  });
});

const digits = (min: number, max: number) =>
  fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));

/** What a cell may put before a national number: nothing, a trunk prefix, a calling code, an IDD. */
const lead = (country: CountryCode) => {
  const plan = planOf(country);
  const code = getCountryCallingCode(country);
  return fc.constantFrom('', '', plan.nationalPrefix() ?? '0', code, `${code}0`, '00', '011', '8');
};

const aCase = fc.oneof(
  fc
    .constantFrom(...patterns)
    .chain(({ country, pattern }) =>
      fc.tuple(
        fc.constant(country),
        lead(country),
        fc.stringMatching(new RegExp(`^(?:${pattern})$`)),
        fc.constantFrom('', '', '', '1', '12'),
        fc.nat(),
      ),
    )
    .map(([country, prefix, national, extra, cut]) => {
      // Sometimes a digit short, to reach the length rules.
      const body = cut % 5 === 0 ? national.slice(0, -1) : national;
      return { country, digits: `${prefix}${body}${extra}` };
    }),
  fc.record({ country: fc.constantFrom(...COUNTRIES), digits: digits(1, 20) }),
  fc
    .tuple(fc.constantFrom(...Object.entries(examples)), fc.constantFrom('', '0', '9', '1', '15'))
    .map(([[country, example], prefix]) => ({
      country: country as CountryCode,
      digits: `${prefix}${example}`,
    })),
);

const fieldsOf = (phone: ParsedNumber | undefined) =>
  phone && {
    number: phone.number,
    country: phone.country,
    countryCallingCode: phone.countryCallingCode,
    nationalNumber: phone.nationalNumber,
  };

function expectSameNational(national: string, country: CountryCode) {
  const quick = quickParseNational(national, country);
  if (quick) expect(quick).toEqual(fieldsOf(parsePhoneNumberFromString(national, country)));
}

function expectSameInternational(number: string) {
  const quick = quickParseInternational(number);
  if (quick) expect(quick).toEqual(fieldsOf(parsePhoneNumberFromString(`+${number}`)));
}

/** Real formats where prefixes, shared codes and inserted digits decide the reading. */
const TRICKY: [string, CountryCode][] = [
  ['912345678', 'PT'],
  ['212345678', 'PT'],
  ['351912345678', 'PT'],
  ['666555444', 'ES'],
  ['34666555444', 'ES'],
  ['810123456', 'ES'],
  ['11987654321', 'BR'],
  ['1187654321', 'BR'],
  ['011987654321', 'BR'],
  ['5511987654321', 'BR'],
  ['2015550123', 'US'],
  ['12015550123', 'US'],
  ['4165550123', 'CA'],
  ['07400123456', 'GB'],
  ['7400123456', 'GB'],
  ['447400123456', 'GB'],
  ['0111523456789', 'AR'],
  ['91123456789', 'AR'],
  ['1123456789', 'AR'],
  ['5491123456789', 'AR'],
  ['15123456', 'AR'],
  ['5512345678', 'MX'],
  ['15512345678', 'MX'],
  ['0445512345678', 'MX'],
  ['5215512345678', 'MX'],
  ['0612345678', 'IT'],
  ['3123456789', 'IT'],
  ['390612345678', 'IT'],
  ['0612345678', 'FR'],
  ['015112345678', 'DE'],
  ['89123456789', 'RU'],
  ['0412345678', 'AU'],
  ['09012345678', 'JP'],
  ['0987654321', 'IN'],
  ['0101234567', 'KR'],
  ['02012345678', 'NL'],
  ['2015550123', 'CA'],
  ['6135550123', 'US'],
  ['2684641234', 'US'],
  ['07797123456', 'GB'],
  ['07624123456', 'JE'],
  ['7012345678', 'RU'],
  ['87012345678', 'KZ'],
  ['0181234567', 'FI'],
  ['0412345678', 'CX'],
  ['12345', 'ES'],
  ['4412345', 'GB'],
];

describe('quickParse answers as libphonenumber-js/max parses, or not at all', () => {
  it.each(TRICKY)('%s in %s: national, provider and + readings', (number, country) => {
    expectSameNational(number, country);
    expectSameInternational(number);
    expect(normalizePhone(number, { defaultCountry: country })).toEqual(
      normalizePhoneBefore(number, { defaultCountry: country }),
    );
  });

  it('on numbers of every country, with trunk prefixes, calling codes and IDDs', () => {
    fc.assert(
      fc.property(aCase, ({ country, digits }) => {
        expectSameNational(digits, country);
        expectSameInternational(digits);
      }),
      { numRuns: 60_000 },
    );
  });

  it('on the same cases through normalizePhone, as the reference pipeline reads them', () => {
    fc.assert(
      fc.property(aCase, fc.constantFrom('', '+', '00', ' ', '-'), ({ country, digits }, mark) => {
        const input =
          mark === '-' || mark === ' '
            ? `${digits.slice(0, 3)}${mark}${digits.slice(3)}`
            : `${mark}${digits}`;
        expect(normalizePhone(input, { defaultCountry: country })).toEqual(
          normalizePhoneBefore(input, { defaultCountry: country }),
        );
      }),
      { numRuns: 30_000 },
    );
  });

  it('answers the plain cases itself, so a CSV of them does not reach the slow parse', () => {
    expect(quickParseNational('666555444', 'ES')?.number).toBe('+34666555444');
    expect(quickParseNational('912345678', 'PT')?.number).toBe('+351912345678');
    expect(quickParseNational('0612345678', 'FR')?.nationalNumber).toBe('612345678');
    expect(quickParseInternational('34666555444')?.country).toBe('ES');
    expect(quickParseInternational('5511987654321')?.nationalNumber).toBe('11987654321');
    // Shared calling codes: the number, not the default, names the country.
    expect(quickParseNational('2015550123', 'CA')?.country).toBe('US');
    expect(quickParseInternational('447797123456')?.country).toBe('JE');
  });
});
