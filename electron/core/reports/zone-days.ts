import { wallTimeAt } from '../../../shared/rules/zoned-time';

export const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 900_000;

/** From `from` (inclusive) on, the zone is `offsetMs` ahead of UTC, until the next segment. */
export interface OffsetSegment {
  from: number;
  offsetMs: number;
}

/** The zone's offset from UTC at `ms`, read from the tz database Intl carries. */
export function offsetAt(ms: number, timeZone: string): number {
  const at = Math.floor(ms / 1000) * 1000;
  const w = wallTimeAt(new Date(at), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - at;
}

/** Refuses a zone name Intl does not know, with the name in the sentence. */
export function checkTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new RangeError(
      `"${timeZone}" is not a time zone; use an IANA name such as Europe/Madrid.`,
    );
  }
}

/**
 * The zone's offsets over [start, end]: one segment per stretch between
 * daylight-saving changes. A change is found by comparing day steps and then
 * bisecting to the quarter hour (every transition since 1970 falls on one), so
 * 90 days cost about 100 Intl readings, and the SQL turns any instant into a
 * local day with a CASE over two or three segments instead of a lookup per row.
 */
export function offsetSegments(start: number, end: number, timeZone: string): OffsetSegment[] {
  const segments: OffsetSegment[] = [{ from: start, offsetMs: offsetAt(start, timeZone) }];
  let probe = start;
  while (probe < end) {
    const next = Math.min(probe + DAY_MS, end);
    const current = segments[segments.length - 1]?.offsetMs;
    const after = offsetAt(next, timeZone);
    if (after !== current) {
      // In quarter hours: the offset at lo is the current one, at hi the new one.
      let lo = Math.floor(probe / QUARTER_HOUR_MS);
      let hi = Math.ceil(next / QUARTER_HOUR_MS);
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(mid * QUARTER_HOUR_MS, timeZone) === current) lo = mid;
        else hi = mid;
      }
      hi *= QUARTER_HOUR_MS;
      segments.push({ from: hi, offsetMs: offsetAt(hi, timeZone) });
    }
    probe = next;
  }
  return segments;
}

/** The local day number (days since 1970-01-01 on the zone's calendar) of an instant. */
export function localDayOf(ms: number, segments: readonly OffsetSegment[]): number {
  let offset = segments[0]?.offsetMs ?? 0;
  for (const s of segments) if (ms >= s.from) offset = s.offsetMs;
  return Math.floor((ms + offset) / DAY_MS);
}

/** The Monday (ISO week start) on or before a local day number; 1970-01-01 was a Thursday. */
export function weekStartOf(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** 'YYYY-MM-DD' of a local day number. */
export function dayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
