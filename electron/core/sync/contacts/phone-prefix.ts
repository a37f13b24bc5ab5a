/**
 * A prefix of digits as ranges of the BINARY phone index, for the number as
 * stored and with a leading '+': `phone LIKE '6%'` cannot use that index
 * (LIKE ignores case, the index does not) and scans every contact. Digits have
 * no case, so the two agree. The ranges never overlap ('+' sorts before the
 * digits), so no contact matches twice.
 */
export function phonePrefixRanges(digits: string): {
  plain: [string, string];
  plus: [string, string];
} {
  const upper = (p: string) =>
    p.slice(0, -1) + String.fromCharCode((p.at(-1) as string).charCodeAt(0) + 1);
  return { plain: [digits, upper(digits)], plus: [`+${digits}`, upper(`+${digits}`)] };
}

/** The same ranges as one condition on `c.phone`, with its four parameters. */
export const PHONE_PREFIX_CONDITION =
  '(c.phone >= ? AND c.phone < ? OR c.phone >= ? AND c.phone < ?)';
