// Frozen copy of shared/phone/normalize.ts at main 961774b (before round 7 hph), so the
// property test can prove the faster normalizePhone gives exactly the same results.
// Do not edit: it is the reference, not product code.
import {
  type CountryCode,
  getCountryCallingCode,
  isSupportedCountry,
  type NumberType,
  type PhoneNumber,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import { cleanInput } from '../../../../shared/phone/clean-input';
import { countryName } from '../../../../shared/phone/country-name';
import { toLineType } from '../../../../shared/phone/line-type';
import type {
  InvalidPhone,
  NormalizeOptions,
  PhoneResult,
  ValidPhone,
} from '../../../../shared/phone/types';

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
export function normalizePhoneBefore(input: string, options: NormalizeOptions = {}): PhoneResult {
  const cleaned = cleanInput(input);
  if ('ok' in cleaned) return cleaned;
  const { digits } = cleaned;
  if (cleaned.international) return readInternational(input, digits, 'international');
  const country = defaultCountryOf(options.defaultCountry);
  if (!country) return readWithoutCountry(input, digits);

  // Parsing is the cost here, so each reading is tried only when it can win.
  const ownCode = getCountryCallingCode(country);
  const withOwnCode = digits.startsWith(ownCode) ? validParse(`+${digits}`) : undefined;
  if (withOwnCode?.phone.countryCallingCode === ownCode) {
    return toValid(input, withOwnCode, 'provider-form');
  }
  const national = validParse(digits, country);
  if (national) return toValid(input, national, 'national');
  const withCode = withOwnCode ?? validParse(`+${digits}`);
  if (withCode) return toValid(input, withCode, 'provider-form');
  return nationalFailure(input, digits, country);
}

function defaultCountryOf(code: string | undefined): CountryCode | undefined {
  if (code === undefined || code === '') return undefined;
  const upper = code.toUpperCase();
  if (!isSupportedCountry(upper)) {
    throw new RangeError(`Unknown default country "${code}"; use an ISO 3166-1 alpha-2 code.`);
  }
  return upper;
}

/** A parse that is a valid number, with its type (looked up once). */
interface ValidParse {
  phone: PhoneNumber;
  type: NonNullable<NumberType>;
}

function validParse(text: string, country?: CountryCode): ValidParse | undefined {
  const phone = parsePhoneNumberFromString(text, country);
  if (!phone) return undefined;
  // With the max metadata every numbering plan has type patterns, and then
  // libphonenumber-js's isValid() is exactly getType() !== undefined: one
  // type lookup instead of two (it was a third of the phone check's time).
  const type = phone.getType();
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
  const phone = validParse(`+${digits}`);
  if (phone) return toValid(input, phone, readAs);
  const problem = validatePhoneNumberLength(`+${digits}`);
  const shown = `"${input.trim()}"`;
  if (problem === 'INVALID_COUNTRY' || problem === 'NOT_A_NUMBER') {
    return fail(
      input,
      'invalid-country-code',
      `${shown} does not start with a valid country calling code.`,
    );
  }
  const where = regionOf(digits);
  return lengthFailure(input, problem, `${shown} ${where}`);
}

function readWithoutCountry(input: string, digits: string): PhoneResult {
  const result = readInternational(input, digits, 'provider-form');
  if (result.ok) return result;
  // Without a default country the only reading is "calling code + number"; the
  // useful fix is the missing country, whatever the length check said.
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

function regionOf(digits: string): string {
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  const iso = parsed?.country;
  return iso
    ? `(a number of ${countryName(iso)})`
    : `(country code +${parsed?.countryCallingCode ?? '?'})`;
}

function fail(input: string, reason: InvalidPhone['reason'], message: string): InvalidPhone {
  return { ok: false, input, reason, message };
}
