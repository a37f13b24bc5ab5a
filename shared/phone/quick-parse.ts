import { type CountryCode, Metadata } from 'libphonenumber-js/core';
import { getCountryCallingCode } from 'libphonenumber-js/max';
// The same metadata object libphonenumber-js/max parses with (one module, not a copy).
import maxMetadata from 'libphonenumber-js/max/metadata';

/** What normalizePhone reads from a parse; libphonenumber-js's PhoneNumber has these too. */
export interface ParsedNumber {
  number: string;
  country?: CountryCode | undefined;
  countryCallingCode: string;
  nationalNumber: string;
}

/**
 * libphonenumber-js's parse of bare digits, for the plain case a CSV column holds.
 *
 * Its parse builds a Metadata object and a RegExp from the metadata's pattern text
 * at every step; here each calling code's rules (international prefix, national
 * prefix, national pattern, lengths) are read once through its Metadata accessors
 * and compiled. Only readings whose every step is simple are answered: digits
 * starting with the international prefix or the own calling code, national
 * prefixes with a transform rule, calling codes several countries share and
 * non-geographic codes give null, and the caller asks libphonenumber-js itself.
 * test/unit/phone/quick-parse.property.test.ts holds every answer to its parse.
 */
export function quickParseNational(digits: string, country: CountryCode): ParsedNumber | null {
  if (digits.length < MIN_NATIONAL || digits.length > MAX_INPUT) return null;
  const plan = countryPlanOf(country);
  if (!plan) return null;
  // The IDD is found with search(), unanchored, and must start the number.
  if (digits.search(plan.iddPrefix) === 0 || digits.startsWith(plan.callingCode)) return null;
  return parsedIn(plan, digits);
}

/** The parse of `+digits` (no default country), or null when it is not a plain case. */
export function quickParseInternational(digits: string): ParsedNumber | null {
  if (digits.length < MIN_INTERNATIONAL || digits.length >= MAX_INPUT) return null;
  if (digits.charCodeAt(0) === ZERO) return null;
  // The shortest prefix that is a calling code wins, as in libphonenumber-js.
  for (let length = 1; length <= MAX_CALLING_CODE && length <= digits.length; length++) {
    const known = callingPlanOf(digits.slice(0, length));
    if (known === NOT_A_CODE) continue;
    return known ? parsedIn(known, digits.slice(length)) : null;
  }
  return null;
}

// libphonenumber-js's limits: input text, viable numbers, national numbers, calling codes.
const MAX_INPUT = 250;
const MIN_NATIONAL = 2;
const MAX_NATIONAL = 17;
const MIN_INTERNATIONAL = 3;
const MAX_CALLING_CODE = 3;
const ZERO = 0x30;
const NOT_A_CODE = 0;

/** One calling code used by one country: everything its parse needs, compiled. */
interface CallingPlan {
  country: CountryCode;
  callingCode: string;
  iddPrefix: RegExp;
  /** The national prefix at the start of a number; absent when the plan has none. */
  nationalPrefix: RegExp | undefined;
  /** A transform rule rewrites the number: left to libphonenumber-js. */
  transforms: boolean;
  nationalPattern: RegExp;
  lengths: readonly number[] | undefined;
}

const metadata = new Metadata(maxMetadata);
const byCallingCode = new Map<string, CallingPlan | null | typeof NOT_A_CODE>();
const byCountry = new Map<string, CallingPlan | null>();

function countryPlanOf(country: CountryCode): CallingPlan | null {
  let plan = byCountry.get(country);
  if (plan === undefined) {
    const known = callingPlanOf(getCountryCallingCode(country));
    plan = known === NOT_A_CODE ? null : known;
    byCountry.set(country, plan);
  }
  return plan;
}

function callingPlanOf(code: string): CallingPlan | null | typeof NOT_A_CODE {
  let plan = byCallingCode.get(code);
  if (plan === undefined) {
    plan = compileCallingPlan(code);
    byCallingCode.set(code, plan);
  }
  return plan;
}

// The parts of libphonenumber-js's Metadata its typings leave out.
interface MetadataView {
  hasCallingCode(code: string): boolean;
  getCountryCodesForCallingCode(code: string): CountryCode[] | undefined;
}
interface NumberingPlanView {
  IDDPrefix(): string;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  nationalNumberPattern(): string;
  possibleLengths(): number[] | undefined;
}

function compileCallingPlan(code: string): CallingPlan | null | typeof NOT_A_CODE {
  const view = metadata as unknown as MetadataView;
  if (!view.hasCallingCode(code)) return NOT_A_CODE;
  const countries = view.getCountryCodesForCallingCode(code);
  // Shared codes pick the country from the national number; non-geographic ones have none.
  const country = countries?.length === 1 ? countries[0] : undefined;
  if (!country) return null;
  metadata.selectNumberingPlan(country);
  const plan = metadata.numberingPlan as unknown as NumberingPlanView;
  const prefix = plan.nationalPrefixForParsing();
  return {
    country,
    callingCode: code,
    iddPrefix: new RegExp(plan.IDDPrefix()),
    nationalPrefix: prefix ? new RegExp(`^(?:${prefix})`) : undefined,
    transforms: Boolean(plan.nationalPrefixTransformRule()),
    nationalPattern: new RegExp(`^(?:${plan.nationalNumberPattern()})$`),
    lengths: plan.possibleLengths(),
  };
}

function parsedIn(plan: CallingPlan, number: string): ParsedNumber | null {
  const national = nationalNumberOf(plan, number);
  if (national === null || national.length < MIN_NATIONAL || national.length > MAX_NATIONAL) {
    return null;
  }
  return {
    number: `+${plan.callingCode}${national}`,
    country: plan.country,
    countryCallingCode: plan.callingCode,
    nationalNumber: national,
  };
}

/** libphonenumber-js's extractNationalNumber: the national prefix goes when what is left can be a number. */
function nationalNumberOf(plan: CallingPlan, number: string): string | null {
  const match = plan.nationalPrefix?.exec(number);
  if (!match) return number;
  const lastGroup = match[match.length - 1];
  const captured = match.length > 1 && Boolean(lastGroup);
  if (plan.transforms && captured) return null;
  const stripped = number.slice(match[0].length);
  if (stripped === number) return number;
  if (plan.nationalPattern.test(number) && !plan.nationalPattern.test(stripped)) return number;
  if (plan.lengths && !canBeIncomplete(stripped.length, plan.lengths)) return number;
  return stripped;
}

/** checkNumberLength is neither TOO_SHORT nor INVALID_LENGTH. */
function canBeIncomplete(length: number, lengths: readonly number[]): boolean {
  const shortest = lengths[0] ?? 0;
  if (length === shortest) return true;
  if (length < shortest) return false;
  if (length > (lengths[lengths.length - 1] ?? 0)) return true;
  return lengths.indexOf(length, 1) >= 0;
}
