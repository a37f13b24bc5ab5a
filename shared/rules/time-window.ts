import type { CalendarDate, HolidayCalendar, TimeWindow } from './types';
import { addDays, instantAt, parseClock, wallTimeAt, weekdayOf } from './zoned-time';

export interface WindowSchedule {
  countryIso: string;
  timeZone: string;
  windows: TimeWindow[];
  closedOnPublicHolidays: boolean;
}

// Long enough for any real chain of closed days (a holiday week plus a weekend), short
// enough that a misconfigured schedule with no open window ends quickly.
const MAX_DAYS_AHEAD = 60;

/**
 * The earliest instant >= `from` inside one of the schedule's windows, comparing
 * real instants so DST changes move the windows with the local clock.
 */
export function nextOpenInstant(
  schedule: WindowSchedule,
  from: Date,
  holidays: HolidayCalendar,
): Date {
  const today = wallTimeAt(from, schedule.timeZone);
  for (let i = 0; i <= MAX_DAYS_AHEAD; i++) {
    const date = addDays(today, i);
    if (schedule.closedOnPublicHolidays && holidays.isPublicHoliday(schedule.countryIso, date)) {
      continue;
    }
    const open = firstOpenOnDay(schedule, date, from);
    if (open) return open;
  }
  throw new RangeError(`No sending window for ${schedule.countryIso} in ${MAX_DAYS_AHEAD} days`);
}

function firstOpenOnDay(schedule: WindowSchedule, date: CalendarDate, from: Date): Date | null {
  const weekday = weekdayOf(date);
  let best: Date | null = null;
  for (const w of schedule.windows) {
    if (!w.days.includes(weekday)) continue;
    const start = instantAt(date, ...parseClock(w.from), schedule.timeZone);
    const end = instantAt(date, ...parseClock(w.to), schedule.timeZone);
    if (from >= end) continue;
    const candidate = from >= start ? from : start;
    if (!best || candidate < best) best = candidate;
  }
  return best;
}

/** Whether `at` falls inside one of the schedule's windows. */
export function isOpenAt(schedule: WindowSchedule, at: Date, holidays: HolidayCalendar): boolean {
  return nextOpenInstant(schedule, at, holidays).getTime() === at.getTime();
}
