import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../electron/core/providers/retry-after';

const NOW = Date.parse('2026-11-22T20:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
  });

  it('reads an HTTP-date relative to now', () => {
    expect(parseRetryAfter('Sun, 22 Nov 2026 20:00:30 GMT', NOW)).toBe(30_000);
  });

  it('never returns a negative delay for a date in the past', () => {
    expect(parseRetryAfter('Sun, 22 Nov 2026 19:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfter('', NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
    expect(parseRetryAfter('1.5', NOW)).toBeUndefined();
  });

  it('turns any whole number of seconds into that many milliseconds', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), (n) => parseRetryAfter(String(n), NOW) === n * 1000),
    );
  });

  it('turns any future HTTP-date into the distance to it, to the second', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10 * 365 * 86_400 }), (s) => {
        const date = new Date(NOW + s * 1000).toUTCString();
        return parseRetryAfter(date, NOW) === s * 1000;
      }),
    );
  });
});
