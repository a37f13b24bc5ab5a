import {
  type CountryCode,
  getCountryCallingCode,
  isSupportedCountry,
  type NumberType,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import { cleanInput } from './clean-input';
import { countryName } from './country-name';
import { toLineType } from './line-type';
import { numberTypeOf } from './number-type';
import { type ParsedNumber, quickParseInternational, quickParseNational } from './quick-parse';
import type { InvalidPhone, NormalizeOptions, PhoneResult, ValidPhone } from './types';

type ReadAs = ValidPhone['readAs'];

/**
 * Normalises what a person or a spreadsheet wrote into the provider's form
 * (`34666555444`) and E.164 (`+34666555444`), or says why it cannot be sent to.
 *
 * Reading order for digits without `+`/`00`:
 * 1. starts with the default country's calling code and is valid that way -> provider form;
 * 2. valid as a national number of the default country -> national;
 * 3. valid as calling code + number of any country -> provider form;
 * otherwise the national reading's reason is reported.
 * Step 1 goes first because exports in provider form are common while national
 * numbers written without their trunk 0 that also begin with the country's own
 * code are rare; step 2 before 3 means digits that are both a valid local number
 * and another country's provider form are read as local (say so in the UI via readAs).
 */
export function normalizePhone(input: string, options: NormalizeOptions = {}): PhoneResult {
  const cleaned = cleanInput(input);
  if ('ok' in cleaned) return cleaned;
  const { digits } = cleaned;
  if (cleaned.international) return readInternational(input, digits, 'international');
  const plan = defaultCountryOf(options.defaultCountry);
  if (!plan) return readWithoutCountry(input, digits);
  const { country, ownCode } = plan;

  // Parsing is the cost here, so each reading is tried only when it can win.
  const startsWithOwnCode = digits.startsWith(ownCode);
  const withOwnCode = startsWithOwnCode ? validInternational(digits) : undefined;
  if (withOwnCode?.phone.countryCallingCode === ownCode) {
    return toValid(input, withOwnCode, 'provider-form');
  }
  const national = typed(parseNational(digits, country));
  if (national) return toValid(input, national, 'national');
  // When digits start with the own code, `+digits` has been parsed already: same answer.
  const withCode = startsWithOwnCode ? withOwnCode : validInternational(digits);
  if (withCode) return toValid(input, withCode, 'provider-form');
  return nationalFailure(input, digits, country);
}

interface DefaultCountry {
  country: CountryCode;
  ownCode: string;
}

// A CSV check asks for the same default country on every row: look it up once.
// Only supported codes are kept, so the map stays as small as the country list.
const defaultCountries = new Map<string, DefaultCountry>();

function defaultCountryOf(code: string | undefined): DefaultCountry | undefined {
  if (code === undefined || code === '') return undefined;
  const known = defaultCountries.get(code);
  if (known) return known;
  const upper = code.toUpperCase();
  if (!isSupportedCountry(upper)) {
    throw new RangeError(`Unknown default country "${code}"; use an ISO 3166-1 alpha-2 code.`);
  }
  const plan = { country: upper, ownCode: getCountryCallingCode(upper) };
  defaultCountries.set(code, plan);
  return plan;
}

/** A parse that is a valid number, with its type (looked up once). */
interface ValidParse {
  phone: ParsedNumber;
  type: NonNullable<NumberType>;
}

// The quick parse answers the plain cases; libphonenumber-js itself the rest.
function parseInternational(digits: string): ParsedNumber | undefined {
  return quickParseInternational(digits) ?? parsePhoneNumberFromString(`+${digits}`);
}

function parseNational(digits: string, country: CountryCode): ParsedNumber | undefined {
  return quickParseNational(digits, country) ?? parsePhoneNumberFromString(digits, country);
}

function validInternational(digits: string): ValidParse | undefined {
  return typed(parseInternational(digits));
}

function typed(phone: ParsedNumber | undefined): ValidParse | undefined {
  if (!phone) return undefined;
  // With the max metadata every numbering plan has type patterns, and then
  // libphonenumber-js's isValid() is exactly getType() !== undefined: one
  // type lookup instead of two; numberTypeOf is getType() with compiled patterns.
  const type = numberTypeOf(phone);
  return type === undefined ? undefined : { phone, type };
}

function toValid(input: string, { phone, type }: ValidParse, readAs: ReadAs): ValidPhone {
  return {
    ok: true,
    input,
    provider: phone.number.slice(1),
    e164: phone.number,
    countryIso: phone.country ?? null,
    dialCode: phone.countryCallingCode,
    nationalNumber: phone.nationalNumber,
    lineType: toLineType(type),
    readAs,
  };
}

function readInternational(input: string, digits: string, readAs: ReadAs): PhoneResult {
  const parsed = parseInternational(digits);
  const valid = typed(parsed);
  if (valid) return toValid(input, valid, readAs);
  const problem = validatePhoneNumberLength(`+${digits}`);
  const shown = `"${input.trim()}"`;
  if (problem === 'INVALID_COUNTRY' || problem === 'NOT_A_NUMBER') {
    return fail(
      input,
      'invalid-country-code',
      `${shown} does not start with a valid country calling code.`,
    );
  }
  const where = regionOf(parsed);
  return lengthFailure(input, problem, `${shown} ${where}`);
}

function readWithoutCountry(input: string, digits: string): PhoneResult {
  const phone = validInternational(digits);
  if (phone) return toValid(input, phone, 'provider-form');
  // Without a default country the only reading is "calling code + number"; the
  // useful fix is the missing country, whatever the length check said (so it is
  // not asked: that was two more parses per such row).
  return fail(
    input,
    'missing-country',
    `"${input.trim()}" has no + or 00 prefix and is not a valid number when read as country code + number; add the country code or choose a default country.`,
  );
}

function nationalFailure(input: string, digits: string, country: CountryCode): InvalidPhone {
  const problem = validatePhoneNumberLength(digits, country);
  const subject = `"${input.trim()}" (read as a number of ${countryName(country)} because it has no + or 00 prefix)`;
  return lengthFailure(input, problem, subject);
}

function lengthFailure(input: string, problem: string | undefined, subject: string): InvalidPhone {
  switch (problem) {
    case 'TOO_SHORT':
      return fail(input, 'too-short', `${subject} is too short; check for missing digits.`);
    case 'TOO_LONG':
      return fail(input, 'too-long', `${subject} is too long; check for extra digits.`);
    case 'INVALID_LENGTH':
      return fail(
        input,
        'invalid-length',
        `${subject} has a number of digits no number there has.`,
      );
    default:
      return fail(
        input,
        'invalid-number',
        `${subject} is not a number in use there; check the digits.`,
      );
  }
}

/** Where an invalid `+digits` points, from its parse (kept, not parsed again). */
function regionOf(parsed: ParsedNumber | undefined): string {
  const iso = parsed?.country;
  return iso
    ? `(a number of ${countryName(iso)})`
    : `(country code +${parsed?.countryCallingCode ?? '?'})`;
}

function fail(input: string, reason: InvalidPhone['reason'], message: string): InvalidPhone {
  return { ok: false, input, reason, message };
}
