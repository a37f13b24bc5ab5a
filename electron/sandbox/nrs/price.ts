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

/** The prices again, by code length then by the code's digits as a number: read with no string built. */
const BY_LENGTH: Map<number, number>[] = Array.from({ length: LONGEST_DIAL + 1 }, () => new Map());
for (const [dial, micros] of DEFAULT_BY_DIAL) BY_LENGTH[dial.length]?.set(Number(dial), micros);

/** The number's first digits (a leading '00' among them): all a price depends on. */
const head = new Uint8Array(LONGEST_DIAL + 2);

/**
 * The digits of `to` (anything else skipped), a leading '00' dropped, priced by the
 * longest code they start with. Every recipient of a send is priced, so the digits
 * are read in place rather than copied into new strings.
 */
export function partPriceMicros(to: string): number {
  let count = 0;
  for (let i = 0; i < to.length && count < head.length; i++) {
    const digit = to.charCodeAt(i) - 48;
    if (digit >= 0 && digit <= 9) head[count++] = digit;
  }
  const skip = count >= 2 && head[0] === 0 && head[1] === 0 ? 2 : 0;
  for (let n = Math.min(LONGEST_DIAL, count - skip); n >= 1; n--) {
    let code = 0;
    for (let j = skip; j < skip + n; j++) code = code * 10 + (head[j] as number);
    const price = BY_LENGTH[n]?.get(code);
    if (price !== undefined) return price;
  }
  return UNLISTED_PART_MICROS;
}

/** `parts` parts to `to`, in EUR micro-units. */
export function costMicros(to: string, parts: number): number {
  return partPriceMicros(to) * parts;
}
