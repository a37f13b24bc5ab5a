import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import type { Db } from '../db/connection';

/** Calling code -> the countries that share it (E.164 codes are prefix-free). */
let byCallingCode: Map<string, CountryCode[]> | null = null;

function callingCodes(): Map<string, CountryCode[]> {
  if (!byCallingCode) {
    byCallingCode = new Map();
    for (const country of getCountries()) {
      const code = getCountryCallingCode(country);
      byCallingCode.set(code, [...(byCallingCode.get(code) ?? []), country]);
    }
  }
  return byCallingCode;
}

// Shared codes (+1, +7, +44, +61…) are told apart by the first national digits
// (area code, island prefix: none needs more than six), so one full parse per
// such prefix is enough. Bounded, so a long-running app stays small.
const SHARED_PREFIX_DIGITS = 6;
const MAX_REMEMBERED = 20_000;
const remembered = new Map<string, string | null>();

function countryOfSharedCode(digits: string, codeLength: number): string | null {
  const key = digits.slice(0, codeLength + SHARED_PREFIX_DIGITS);
  const known = remembered.get(key);
  if (known !== undefined) return known;
  const country = parsePhoneNumberFromString(`+${digits}`)?.country ?? null;
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(key, country);
  return country;
}

/**
 * The country of a recipient as the outbox keeps it (calling code and national
 * number, digits only), or null for a non-geographic or unreadable number.
 * A full libphonenumber parse costs about 40 µs, too slow for a report over
 * 100,000 recipients; most calling codes belong to one country, so only the
 * shared ones are parsed.
 */
export function countryOfRecipient(recipient: string): string | null {
  const digits = recipient.replace(/\D/g, '');
  const codes = callingCodes();
  for (let length = 1; length <= 3 && length < digits.length; length++) {
    const countries = codes.get(digits.slice(0, length));
    if (!countries) continue;
    if (countries.length === 1) return countries[0] ?? null;
    return countryOfSharedCode(digits, length);
  }
  return null;
}

const registered = new WeakSet<Db>();

/** Makes `report_country(recipient)` callable in this connection's SQL. */
export function registerCountryFunction(db: Db): void {
  if (registered.has(db)) return;
  db.function('report_country', { deterministic: true }, (recipient: unknown) =>
    typeof recipient === 'string' ? countryOfRecipient(recipient) : null,
  );
  registered.add(db);
}
