import { describe, expect, it } from 'vitest';
import { addDays, instantAt, wallTimeAt, weekdayOf } from '../../../shared/rules/zoned-time';

describe('zoned time with Intl', () => {
  it('reads the wall clock in Paris in winter (UTC+1) and summer (UTC+2)', () => {
    expect(wallTimeAt(new Date('2026-01-14T07:00:00Z'), 'Europe/Paris')).toMatchObject({
      year: 2026,
      month: 1,
      day: 14,
      hour: 8,
      minute: 0,
    });
    expect(wallTimeAt(new Date('2026-07-15T06:00:00Z'), 'Europe/Paris')).toMatchObject({ hour: 8 });
  });

  it('finds the instant of a local time on both sides of a DST change', () => {
    const paris = (d: string, h: number, m = 0) => {
      const [year, month, day] = d.split('-').map(Number) as [number, number, number];
      return instantAt({ year, month, day }, h, m, 'Europe/Paris').toISOString();
    };
    expect(paris('2026-03-28', 22)).toBe('2026-03-28T21:00:00.000Z');
    expect(paris('2026-03-30', 8)).toBe('2026-03-30T06:00:00.000Z');
    expect(paris('2026-10-24', 22)).toBe('2026-10-24T20:00:00.000Z');
    expect(paris('2026-10-26', 8)).toBe('2026-10-26T07:00:00.000Z');
  });

  it('moves a time skipped by spring-forward later by the jump, and takes the first of a repeated time', () => {
    const ny = { year: 2026, month: 3, day: 8 };
    // 02:30 does not exist in New York on 8 March 2026; it becomes 03:30 EDT.
    expect(instantAt(ny, 2, 30, 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on 1 November 2026; the first time is still EDT (UTC-4).
    const back = { year: 2026, month: 11, day: 1 };
    expect(instantAt(back, 1, 30, 'America/New_York').toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('counts calendar days and ISO weekdays across month and year ends', () => {
    expect(addDays({ year: 2025, month: 12, day: 31 }, 1)).toEqual({
      year: 2026,
      month: 1,
      day: 1,
    });
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({
      year: 2028,
      month: 2,
      day: 29,
    });
    expect(weekdayOf({ year: 2026, month: 11, day: 22 })).toBe(7);
    expect(weekdayOf({ year: 2026, month: 11, day: 23 })).toBe(1);
  });
});
