import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSendingRules, isOpenAt, libraryHolidays, rulesFor } from '../../../shared/rules';
import type { WindowSchedule } from '../../../shared/rules/time-window';

function scheduleOf(countryIso: string): WindowSchedule {
  const rule = rulesFor(countryIso)?.rules.find((r) => r.kind === 'time-window');
  if (rule?.kind !== 'time-window') throw new Error(`no time window for ${countryIso}`);
  return { countryIso, ...rule };
}

// 2024-2028 covers leap years, every DST change of the period and many holidays.
const instant = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 11, 31) })
  .map((ms) => new Date(ms));
const country = fc.constantFrom('FR', 'CO');

const marketing = (countryIso: string, sendAt: Date) =>
  checkSendingRules({
    text: 'Oferta BAJA STOP au 36173',
    countryIso,
    sendAt,
    marketing: true,
    consent: true,
  });

describe('nextAllowedAt properties', () => {
  it('is allowed, never earlier than sendAt, and null exactly when sendAt is allowed', () => {
    fc.assert(
      fc.property(country, instant, (c, sendAt) => {
        const schedule = scheduleOf(c);
        const { nextAllowedAt } = marketing(c, sendAt);
        if (nextAllowedAt === null) {
          expect(isOpenAt(schedule, sendAt, libraryHolidays)).toBe(true);
          return;
        }
        expect(nextAllowedAt.getTime()).toBeGreaterThan(sendAt.getTime());
        expect(isOpenAt(schedule, nextAllowedAt, libraryHolidays)).toBe(true);
        expect(marketing(c, nextAllowedAt).nextAllowedAt).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('never skips an open moment: everything between sendAt and nextAllowedAt is closed', () => {
    fc.assert(
      fc.property(country, instant, fc.double({ min: 0, max: 1, noNaN: true }), (c, sendAt, f) => {
        const { nextAllowedAt } = marketing(c, sendAt);
        if (nextAllowedAt === null) return;
        const between = new Date(
          sendAt.getTime() + Math.floor(f * (nextAllowedAt.getTime() - sendAt.getTime() - 1)),
        );
        expect(isOpenAt(scheduleOf(c), between, libraryHolidays)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('lands on a window opening, on an open day in the local time zone', () => {
    fc.assert(
      fc.property(country, instant, (c, sendAt) => {
        const { nextAllowedAt } = marketing(c, sendAt);
        if (nextAllowedAt === null) return;
        const schedule = scheduleOf(c);
        const local = new Intl.DateTimeFormat('en-GB', {
          timeZone: schedule.timeZone,
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
          hourCycle: 'h23',
        }).format(nextAllowedAt);
        const openings = schedule.windows.map((w) => `${w.from}:00`);
        expect(openings).toContain(local);
      }),
      { numRuns: 1000 },
    );
  });
});
