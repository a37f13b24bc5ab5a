import type { HolidayCalendar } from './types';

/**
 * A calendar from plain 'YYYY-MM-DD' lists per country, e.g. sent to the
 * renderer from `publicHolidayDates` so it need not bundle the holiday library.
 */
export function calendarFromDates(
  datesByCountry: Record<string, readonly string[]>,
): HolidayCalendar {
  const sets = new Map(
    Object.entries(datesByCountry).map(([iso, dates]) => [iso.toUpperCase(), new Set(dates)]),
  );
  return {
    isPublicHoliday(countryIso, { year, month, day }) {
      const key = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      return sets.get(countryIso.toUpperCase())?.has(key) ?? false;
    },
  };
}
