import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayLabel,
  localDayOf,
  offsetSegments,
  weekStartOf,
} from '../../../electron/core/reports/zone-days';
import { wallTimeAt } from '../../../shared/rules/zoned-time';

const ZONES = [
  'Europe/Madrid',
  'America/New_York',
  'America/Bogota',
  'Asia/Kolkata',
  'Australia/Lord_Howe', // half-hour clock changes
  'Pacific/Chatham', // UTC+12:45 / +13:45
  'America/Santiago', // midnight skipped on its spring change
];

describe('zone days', () => {
  it('finds each clock change to the quarter hour', () => {
    const madrid = offsetSegments(
      Date.parse('2026-03-01T00:00:00Z'),
      Date.parse('2026-11-30T00:00:00Z'),
      'Europe/Madrid',
    );
    expect(madrid.map((s) => [new Date(s.from).toISOString(), s.offsetMs / 3_600_000])).toEqual([
      ['2026-03-01T00:00:00.000Z', 1],
      ['2026-03-29T01:00:00.000Z', 2],
      ['2026-10-25T01:00:00.000Z', 1],
    ]);
  });

  it('gives the day a clock in the zone shows, for any instant and zone (fast-check)', () => {
    const start = Date.parse('2025-01-01T00:00:00Z');
    const end = Date.parse('2027-01-01T00:00:00Z');
    const segmentsByZone = new Map(ZONES.map((z) => [z, offsetSegments(start, end, z)]));
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), fc.constantFrom(...ZONES), (ms, zone) => {
        const wall = wallTimeAt(new Date(ms), zone);
        const expected = `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
        expect(dayLabel(localDayOf(ms, segmentsByZone.get(zone) ?? []))).toBe(expected);
      }),
      { numRuns: 2_000 },
    );
  });

  it('starts weeks on Monday', () => {
    const day = localDayOf(Date.parse('2026-10-28T12:00:00Z'), [{ from: 0, offsetMs: 0 }]);
    expect(dayLabel(weekStartOf(day))).toBe('2026-10-26');
    expect(dayLabel(weekStartOf(weekStartOf(day)))).toBe('2026-10-26');
  });
});
