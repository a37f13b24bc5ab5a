import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromNrsDate, toNrsDate } from '../../../electron/core/providers/nrs/dates';

describe('360nrs dates', () => {
  it('formats the seed example (15 February 2013 at 14:20:00 UTC)', () => {
    expect(toNrsDate('2013-02-15T14:20:00Z')).toBe('20130215142000');
  });

  it('round-trips any instant to the second through YYYYmmddHHiiss', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        (d) => {
          const s = toNrsDate(d.toISOString());
          const back = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(8, 10)}:${s.slice(10, 12)}:${s.slice(12, 14)}Z`;
          return /^\d{14}$/.test(s) && Date.parse(back) === Math.floor(d.getTime() / 1000) * 1000;
        },
      ),
    );
  });

  it('refuses a value that is not a date', () => {
    expect(() => toNrsDate('tomorrow')).toThrow(RangeError);
  });

  it('reads the scheduled-messages format as UTC', () => {
    expect(fromNrsDate('2017-11-11 10:10:10')).toBe('2017-11-11T10:10:10Z');
    expect(fromNrsDate('2024-01-01T10:00:00+00:00')).toBe('2024-01-01T10:00:00+00:00');
  });
});
