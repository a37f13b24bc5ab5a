import { Metadata } from 'libphonenumber-js/core';
import type { NumberType } from 'libphonenumber-js/max';
// The same metadata object libphonenumber-js/max parses with (one module, not a copy).
import maxMetadata from 'libphonenumber-js/max/metadata';

/**
 * `phone.getType()` with the numbering plan's patterns compiled once.
 *
 * libphonenumber-js builds a new RegExp from the metadata's pattern text on every
 * match (`matchesEntirely`) and a new Metadata per call; for a CSV of 100,000 rows
 * that was the biggest part of the phone check. Here the patterns, lengths and the
 * order of the checks are read once per numbering plan through libphonenumber-js's
 * own Metadata accessors, so the metadata stays the only source of the rules; the
 * decision below follows libphonenumber-js's getNumberType step for step, and
 * test/unit/phone/reference-equality.property.test.ts holds it to `getType()`.
 */
export function numberTypeOf(phone: TypedNumber): NumberType {
  const plan = planOf(phone.country ?? phone.countryCallingCode);
  const national = phone.nationalNumber;
  if (!plan.nationalPattern.test(national)) return undefined;
  if (matches(plan.fixedLine, national)) {
    if (plan.mobileCountsAsFixed) return 'FIXED_LINE_OR_MOBILE';
    return matches(plan.mobile, national) ? 'FIXED_LINE_OR_MOBILE' : 'FIXED_LINE';
  }
  for (const candidate of plan.others) {
    if (matches(candidate, national)) return candidate.type;
  }
  return undefined;
}

/** The parts of a parse the type depends on (a PhoneNumber, or quick-parse's answer). */
export interface TypedNumber {
  country?: string | undefined;
  countryCallingCode: string;
  nationalNumber: string;
}

type KnownType = NonNullable<NumberType>;

/** One type of a numbering plan; absent when the metadata has no pattern for it. */
interface TypeRule {
  type: KnownType;
  pattern: RegExp;
  lengths: readonly number[] | undefined;
}

interface Plan {
  nationalPattern: RegExp;
  fixedLine: TypeRule | undefined;
  mobile: TypeRule | undefined;
  /** The plan has no mobile type or an empty mobile pattern: fixed lines may be mobiles. */
  mobileCountsAsFixed: boolean;
  /** The types tried after fixed line, in libphonenumber-js's order. */
  others: TypeRule[];
}

const NON_FIXED_LINE_TYPES: readonly KnownType[] = [
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
];

// The parts of libphonenumber-js's Metadata its typings leave out.
interface TypeDefinition {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface NumberingPlanView {
  nationalNumberPattern(): string;
  type(type: KnownType): TypeDefinition | undefined;
}

const plans = new Map<string, Plan>();

/** The compiled plan of a country ('ES') or a non-geographic calling code ('800'). */
function planOf(countryOrCallingCode: string): Plan {
  let plan = plans.get(countryOrCallingCode);
  if (!plan) {
    plan = compilePlan(countryOrCallingCode);
    plans.set(countryOrCallingCode, plan);
  }
  return plan;
}

function compilePlan(countryOrCallingCode: string): Plan {
  const metadata = new Metadata(maxMetadata);
  // selectNumberingPlan takes a calling code too, as getNumberType uses it.
  metadata.selectNumberingPlan(
    countryOrCallingCode as Parameters<Metadata['selectNumberingPlan']>[0],
  );
  const numberingPlan = metadata.numberingPlan as unknown as NumberingPlanView;
  const mobileDefinition = numberingPlan.type('MOBILE');
  return {
    nationalPattern: whole(numberingPlan.nationalNumberPattern()),
    fixedLine: ruleOf(numberingPlan, 'FIXED_LINE'),
    mobile: ruleOf(numberingPlan, 'MOBILE'),
    mobileCountsAsFixed: !mobileDefinition || mobileDefinition.pattern() === '',
    others: NON_FIXED_LINE_TYPES.flatMap((type) => {
      const rule = ruleOf(numberingPlan, type);
      return rule ? [rule] : [];
    }),
  };
}

function ruleOf(plan: NumberingPlanView, type: KnownType): TypeRule | undefined {
  const definition = plan.type(type);
  const pattern = definition?.pattern();
  // A type without a pattern never matches (libphonenumber-js's isNumberTypeEqualTo).
  if (!definition || !pattern) return undefined;
  return { type, pattern: whole(pattern), lengths: definition.possibleLengths() };
}

function matches(rule: TypeRule | undefined, national: string): boolean {
  if (!rule) return false;
  if (rule.lengths && !rule.lengths.includes(national.length)) return false;
  return rule.pattern.test(national);
}

/** The same anchoring as libphonenumber-js's matchesEntirely. */
function whole(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}
