// Money is summed in integer micro-units (1e-6 of the currency): coverage prices
// have up to 4 decimals (0.0868), so rounding each price once to micro-units is
// exact for them, and integer sums cannot drift the way 0.1 + 0.2 does. Only the
// final figures are turned back into decimal numbers.

export const MICROS_PER_UNIT = 1_000_000;

/** A decimal price as integer micro-units; rejects what cannot be a price. */
export function toMicros(amount: number): number {
  if (!Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`Invalid price ${amount}: expected a finite, non-negative number`);
  }
  return Math.round(amount * MICROS_PER_UNIT);
}

/** Micro-units back to a decimal amount (exact to 6 decimals). */
export function fromMicros(micros: number): number {
  return micros / MICROS_PER_UNIT;
}

/** a x b for integers, refusing results past 2^53 where integers stop being exact. */
export function safeMultiply(a: number, b: number): number {
  const product = a * b;
  if (!Number.isSafeInteger(product))
    throw new RangeError('Cost estimate too large to compute exactly');
  return product;
}

/** a + b for integers, refusing results past 2^53. */
export function safeAdd(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum))
    throw new RangeError('Cost estimate too large to compute exactly');
  return sum;
}
