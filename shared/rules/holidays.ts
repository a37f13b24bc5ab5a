import Holidays from 'date-holidays';
import type { CalendarDate, HolidayCalendar } from './types';

// date-holidays is plain JavaScript with its rules bundled (no network, no Node APIs).
// One parsed calendar per country and one date set per country-year keep lookups cheap.
const calendars = new Map<string, Holidays>();
const years = new Map<string, ReadonlySet<string>>();

function key(date: CalendarDate): string {
  const mm = String(date.month).padStart(2, '0');
  const dd = String(date.day).padStart(2, '0');
  return `${date.year}-${mm}-${dd}`;
}

function publicHolidays(countryIso: string, year: number): ReadonlySet<string> {
  const cacheKey = `${countryIso}:${year}`;
  let set = years.get(cacheKey);
  if (!set) {
    let calendar = calendars.get(countryIso);
    if (!calendar) {
      calendar = new Holidays(countryIso);
      calendars.set(countryIso, calendar);
    }
    // Only 'public' days close businesses; 'bank' and 'observance' days do not.
    const days = calendar.getHolidays(year).filter((h) => h.type === 'public');
    set = new Set(days.map((h) => h.date.slice(0, 10)));
    years.set(cacheKey, set);
  }
  return set;
}

/** Public holidays from the date-holidays library (maintained, works offline). */
export const libraryHolidays: HolidayCalendar = {
  isPublicHoliday(countryIso, date) {
    return publicHolidays(countryIso.toUpperCase(), date.year).has(key(date));
  },
};

/** The public holidays of a country and year, as 'YYYY-MM-DD', for display and tests. */
export function publicHolidayDates(countryIso: string, year: number): string[] {
  return [...publicHolidays(countryIso.toUpperCase(), year)].sort();
}
