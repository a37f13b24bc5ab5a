/** Random values of the id's last five characters: 0 … 36^5 − 1. */
export const ID_RANDOM_RANGE = 36 ** 5;

const COUNTER_DIGITS = 8;
const RANDOM_DIGITS = 5;
const BASE36 = Array.from('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', (c) => c.charCodeAt(0));
/** Reused for every id: a send builds one per recipient, and only the string it gives is kept. */
const codes: number[] = new Array(COUNTER_DIGITS + RANDOM_DIGITS).fill(0);

/** Writes `value` as `digits` upper-case base-36 characters ending just before `end`. */
function putBase36(value: number, end: number, digits: number): void {
  let rest = value;
  for (let i = end - 1; i >= end - digits; i--) {
    codes[i] = BASE36[rest % 36] as number;
    rest = Math.floor(rest / 36);
  }
}

/**
 * A message id as the seed writes them (`XXXXXXXXXXXXX`): the sandbox's counter in
 * eight base-36 digits, then a random value below 36^5 in five, upper case. Built as
 * one string with no intermediate ones, since a send of 500 makes 500 of them; a
 * counter past eight digits keeps all its digits (the id is then longer).
 */
export function messageIdOf(counter: number, random: number): string {
  if (counter >= 36 ** COUNTER_DIGITS) {
    return (counter.toString(36) + random.toString(36).padStart(RANDOM_DIGITS, '0')).toUpperCase();
  }
  putBase36(counter, COUNTER_DIGITS, COUNTER_DIGITS);
  putBase36(random, COUNTER_DIGITS + RANDOM_DIGITS, RANDOM_DIGITS);
  return String.fromCharCode(...codes);
}
