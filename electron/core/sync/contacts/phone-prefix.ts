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

/**
 * The ranges as one condition on `c.phone`, with the four parameters of
 * `phonePrefixRanges`. Not `indexed`: the unary '+' keeps the planner off the
 * phone index, for a prefix that starts so many numbers that a scan is faster.
 */
export function phonePrefixCondition(indexed: boolean): string {
  const phone = indexed ? 'c.phone' : '+c.phone';
  return `(${phone} >= ? AND ${phone} < ? OR ${phone} >= ? AND ${phone} < ?)`;
}

const RANGE = 'SELECT %s FROM contacts WHERE account_id = ? AND phone >= ? AND phone < ?';

/** One account's contacts in the ranges, through `contacts_by_phone`: their ids and their number, with the parameters of both. */
export function accountPrefixQueries(
  digits: string,
  accountId: number,
): { ids: string; count: string; params: unknown[] } {
  const { plain, plus } = phonePrefixRanges(digits);
  const one = (what: string) => RANGE.replace('%s', what);
  return {
    ids: `${one('id')} UNION ALL ${one('id')}`,
    count: `SELECT (${one('count(*)')}) + (${one('count(*)')})`,
    params: [accountId, ...plain, accountId, ...plus],
  };
}
