import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRules, type HolidayCalendar, libraryHolidays } from '../../../shared/rules';

// A few send times reused many times (as a bulk job does) mixed with fresh ones.
const instant = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 11, 31) })
  .map((ms) => new Date(ms));
const country = fc.constantFrom('FR', 'CO', 'ES', 'US', 'XX');

const input = (countryIso: string, sendAt: Date) => ({
  text: 'Oferta BAJA STOP au 36173',
  countryIso,
  sendAt,
  marketing: true,
  consent: true,
});

/** A calendar the memo has never seen: its answers are computed from scratch. */
function freshCalendar(): HolidayCalendar {
  return { isPublicHoliday: (c, d) => libraryHolidays.isPublicHoliday(c, d) };
}

describe('time-window verdicts memoised per country and send time', () => {
  it('give the same result as an uncached check, for every country and send time in any order', () => {
    const shared = freshCalendar();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(country, instant), { minLength: 1, maxLength: 12 }),
        (calls) => {
          // Each call twice: the second answer comes from the memo.
          for (const [c, sendAt] of [...calls, ...calls]) {
            const cached = checkRules(input(c, sendAt), shared);
            const fresh = checkRules(input(c, sendAt), freshCalendar());
            expect(cached).toEqual(fresh);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('hands out a new nextAllowedAt each time, so one caller cannot change another result', () => {
    const sunday = new Date(Date.UTC(2026, 4, 3, 12));
    const first = checkRules(input('FR', sunday), libraryHolidays);
    const kept = first.nextAllowedAt?.getTime();
    expect(kept).toBeGreaterThan(sunday.getTime());
    first.nextAllowedAt?.setTime(0);
    expect(checkRules(input('FR', sunday), libraryHolidays).nextAllowedAt?.getTime()).toBe(kept);
  });
});
