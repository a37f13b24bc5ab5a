/** `YYYYmmddHHiiss` in UTC (seed 003 line 225) → epoch ms, or null when it is not a real date. */
export function parseNrsDate(text: unknown): number | null {
  if (typeof text !== 'string' || !/^\d{14}$/.test(text)) return null;
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((i, k) =>
    Number(text.slice(i, k === 0 ? 4 : i + 2)),
  ) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  const sameFields =
    back.getUTCFullYear() === y &&
    back.getUTCMonth() === mo - 1 &&
    back.getUTCDate() === d &&
    back.getUTCHours() === h &&
    back.getUTCMinutes() === mi &&
    back.getUTCSeconds() === s;
  return sameFields ? ms : null;
}

/** `2017-09-18 10:49:12`, the form of the scheduled-messages listing (seed line 2484). */
export function spaceDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** ISO 8601 query filters (`beforeDate`, `afterDate`); null when absent or unreadable. */
export function parseIsoFilter(text: string | null): number | null {
  if (text === null || text === '') return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}
