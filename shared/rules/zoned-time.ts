import type { CalendarDate, Weekday } from './types';

/** A wall-clock reading in some time zone. */
export interface WallTime extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** What a clock in `timeZone` shows at `instant` (Intl carries the tz database offline). */
export function wallTimeAt(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

// Offsets only change at transitions, which fall on quarter hours in every zone
// the tz database has used since 1970, so one lookup per zone and quarter hour
// is exact and saves most Intl calls. Bounded so a long-running process stays small.
const QUARTER_HOUR_MS = 900_000;
const MAX_CACHED_OFFSETS = 50_000;
const offsets = new Map<string, number>();

/** Milliseconds the zone is ahead of UTC at `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  const bucket = Math.floor(ms / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  const key = `${timeZone}|${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const w = wallTimeAt(new Date(bucket), timeZone);
    offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - bucket;
    if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/**
 * The instant a clock in `timeZone` shows this date and time. When clocks go back
 * and the time happens twice, the first one; when they jump forward over it, the
 * same clock reading shifted by the jump (as java.time does), e.g. 02:30 -> 03:30.
 */
export function instantAt(
  date: CalendarDate,
  hour: number,
  minute: number,
  timeZone: string,
): Date {
  const naive = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  // The offsets a day either side bracket any transition on this date.
  const candidates = [naive - DAY_MS, naive, naive + DAY_MS].map(
    (probe) => naive - offsetAt(probe, timeZone),
  );
  const exact = candidates.filter((c) => c + offsetAt(c, timeZone) === naive);
  return new Date(exact.length > 0 ? Math.min(...exact) : Math.max(...candidates));
}

/** The calendar date `days` after `date` (negative goes back). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday of a calendar date (1 = Monday). */
export function weekdayOf(date: CalendarDate): Weekday {
  const js = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return (js === 0 ? 7 : js) as Weekday;
}

/** 'HH:MM' -> [hours, minutes]. */
export function parseClock(clock: string): [number, number] {
  const m = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!m) throw new RangeError(`Bad clock time "${clock}", expected HH:MM`);
  return [Number(m[1]), Number(m[2])];
}
