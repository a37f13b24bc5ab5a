import { type CountryCode, Metadata } from 'libphonenumber-js/core';
import { getCountryCallingCode } from 'libphonenumber-js/max';
// The same metadata object libphonenumber-js/max parses with (one module, not a copy).
import maxMetadata from 'libphonenumber-js/max/metadata';
import { numberTypeOf } from './number-type';

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
 * prefix, national pattern, lengths, leading digits) are read once through its
 * Metadata accessors and compiled. Only readings whose every step is simple are
 * answered: digits starting with the international prefix or the own calling
 * code, national prefixes with a transform rule and non-geographic codes give
 * null, and the caller asks libphonenumber-js itself.
 * test/unit/phone/quick-parse.property.test.ts holds every answer to its parse.
 */
export function quickParseNational(digits: string, country: CountryCode): ParsedNumber | null {
  if (digits.length < MIN_NATIONAL || digits.length > MAX_INPUT) return null;
  const own = countryRulesOf(country);
  if (!own) return null;
  const { rules, plan } = own;
  // The IDD is found with search(), unanchored, and must start the number.
  if (digits.search(rules.iddPrefix) === 0 || digits.startsWith(plan.callingCode)) return null;
  const national = nationalNumberOf(rules, plan, digits);
  if (national === null) return null;
  // A shared calling code's other country wins when the number is one of its own.
  return parsed(plan, national, countryOf(plan, national) ?? country);
}

/** The parse of `+digits` (no default country), or null when it is not a plain case. */
export function quickParseInternational(digits: string): ParsedNumber | null {
  if (digits.length < MIN_INTERNATIONAL || digits.length >= MAX_INPUT) return null;
  if (digits.charCodeAt(0) === ZERO) return null;
  // The shortest prefix that is a calling code wins, as in libphonenumber-js.
  for (let length = 1; length <= MAX_CALLING_CODE && length <= digits.length; length++) {
    const plan = callingPlanOf(digits.slice(0, length));
    if (plan === NOT_A_CODE) continue;
    const main = plan?.countries[0];
    if (!plan || !main) return null;
    // A calling code alone selects its main country's rules.
    const national = nationalNumberOf(main, plan, digits.slice(length));
    // No country fits: libphonenumber-js keeps the calling code alone, and so does this.
    return national === null ? null : parsed(plan, national, countryOf(plan, national));
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

/** One country's parsing rules, compiled. */
interface CountryRules {
  country: CountryCode;
  iddPrefix: RegExp;
  /** The national prefix at the start of a number; absent when the plan has none. */
  nationalPrefix: RegExp | undefined;
  /** A transform rule rewrites the number: left to libphonenumber-js. */
  transforms: boolean;
  nationalPattern: RegExp;
  lengths: readonly number[] | undefined;
  /** How a shared calling code's country is told from the number, when the metadata says. */
  leadingDigits: RegExp | undefined;
}

/** A geographic calling code and its countries, the main one first. */
interface CallingPlan {
  callingCode: string;
  countries: CountryRules[];
}

const metadata = new Metadata(maxMetadata);
const byCallingCode = new Map<string, CallingPlan | null | typeof NOT_A_CODE>();
const byCountry = new Map<string, { rules: CountryRules; plan: CallingPlan } | null>();

function countryRulesOf(country: CountryCode): { rules: CountryRules; plan: CallingPlan } | null {
  let known = byCountry.get(country);
  if (known === undefined) {
    const plan = callingPlanOf(getCountryCallingCode(country));
    const rules = plan ? plan.countries.find((c) => c.country === country) : undefined;
    known = plan && rules ? { rules, plan } : null;
    byCountry.set(country, known);
  }
  return known;
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
  leadingDigits(): string | undefined;
}

function compileCallingPlan(code: string): CallingPlan | null | typeof NOT_A_CODE {
  const view = metadata as unknown as MetadataView;
  if (!view.hasCallingCode(code)) return NOT_A_CODE;
  // Non-geographic codes (+800, +882, ...) have no country: left to libphonenumber-js.
  const countries = view.getCountryCodesForCallingCode(code);
  if (!countries) return null;
  return { callingCode: code, countries: countries.map(compileCountryRules) };
}

function compileCountryRules(country: CountryCode): CountryRules {
  metadata.selectNumberingPlan(country);
  const plan = metadata.numberingPlan as unknown as NumberingPlanView;
  const prefix = plan.nationalPrefixForParsing();
  const leading = plan.leadingDigits();
  return {
    country,
    iddPrefix: new RegExp(plan.IDDPrefix()),
    nationalPrefix: prefix ? new RegExp(`^(?:${prefix})`) : undefined,
    transforms: Boolean(plan.nationalPrefixTransformRule()),
    nationalPattern: new RegExp(`^(?:${plan.nationalNumberPattern()})$`),
    lengths: plan.possibleLengths(),
    leadingDigits: leading ? new RegExp(leading) : undefined,
  };
}

/** libphonenumber-js's getCountryByCallingCode: the first country whose leading digits or types fit. */
function countryOf(plan: CallingPlan, national: string): CountryCode | undefined {
  const { countries, callingCode } = plan;
  if (countries.length === 1) return countries[0]?.country;
  for (const rules of countries) {
    if (rules.leadingDigits) {
      if (national && national.search(rules.leadingDigits) === 0) return rules.country;
    } else if (
      numberTypeOf({
        country: rules.country,
        countryCallingCode: callingCode,
        nationalNumber: national,
      })
    ) {
      return rules.country;
    }
  }
  return undefined;
}

function parsed(
  plan: CallingPlan,
  national: string,
  country: CountryCode | undefined,
): ParsedNumber | null {
  if (national.length < MIN_NATIONAL || national.length > MAX_NATIONAL) return null;
  return {
    number: `+${plan.callingCode}${national}`,
    country,
    countryCallingCode: plan.callingCode,
    nationalNumber: national,
  };
}

/**
 * libphonenumber-js's extractNationalNumber under `rules`: the national prefix goes
 * when what is left can be a number (by the lengths of the country it then reads as).
 */
function nationalNumberOf(rules: CountryRules, plan: CallingPlan, number: string): string | null {
  const match = rules.nationalPrefix?.exec(number);
  if (!match) return number;
  const lastGroup = match[match.length - 1];
  const captured = match.length > 1 && Boolean(lastGroup);
  if (rules.transforms && captured) return null;
  const stripped = number.slice(match[0].length);
  if (stripped === number) return number;
  if (rules.nationalPattern.test(number) && !rules.nationalPattern.test(stripped)) return number;
  if (!rules.lengths) return stripped;
  const readAs = countryOf(plan, stripped);
  const lengths = readAs
    ? plan.countries.find((c) => c.country === readAs)?.lengths
    : rules.lengths;
  return !lengths || canBeIncomplete(stripped.length, lengths) ? stripped : number;
}

/** checkNumberLength is neither TOO_SHORT nor INVALID_LENGTH. */
function canBeIncomplete(length: number, lengths: readonly number[]): boolean {
  const shortest = lengths[0] ?? 0;
  if (length === shortest) return true;
  if (length < shortest) return false;
  if (length > (lengths[lengths.length - 1] ?? 0)) return true;
  return lengths.indexOf(length, 1) >= 0;
}
