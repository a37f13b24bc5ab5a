import { toMicros } from '../../../shared/cost/money';
import { COVERAGE } from './coverage-list';

/**
 * What one SMS part to a number costs the sandbox account, in EUR micro-units:
 * the "Default" (country-wide) line of the recipient's country, found by the
 * longest calling code the number starts with (the sandbox does no network
 * lookup). A number of a country the list does not name is charged the list's
 * dearest price: the seed's error table has no "not covered" code to refuse it with.
 */
const DEFAULT_BY_DIAL = new Map(
  COVERAGE.filter((l) => l.networkName === 'Default').map((l) => [l.dialCode, toMicros(l.cost)]),
);
const LONGEST_DIAL = Math.max(...[...DEFAULT_BY_DIAL.keys()].map((d) => d.length));
export const UNLISTED_PART_MICROS = Math.max(...COVERAGE.map((l) => toMicros(l.cost)));

export function partPriceMicros(to: string): number {
  const digits = to.replace(/\D/g, '').replace(/^00/, '');
  for (let n = Math.min(LONGEST_DIAL, digits.length); n >= 1; n--) {
    const price = DEFAULT_BY_DIAL.get(digits.slice(0, n));
    if (price !== undefined) return price;
  }
  return UNLISTED_PART_MICROS;
}

/** `parts` parts to `to`, in EUR micro-units. */
export function costMicros(to: string, parts: number): number {
  return partPriceMicros(to) * parts;
}
