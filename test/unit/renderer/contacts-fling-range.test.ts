import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  flingRange,
  rowsToRender,
  type VisibleRange,
} from '../../../renderer/src/features/contacts/fling-range';

const ranges = fc
  .record({
    count: fc.integer({ min: 1, max: 100_000 }),
    start: fc.integer({ min: 0, max: 100_000 }),
    screen: fc.integer({ min: 1, max: 40 }),
    overscan: fc.integer({ min: 0, max: 8 }),
  })
  .map(({ count, start, screen, overscan }): VisibleRange => {
    const startIndex = start % count;
    return {
      startIndex,
      endIndex: Math.min(count - 1, startIndex + screen - 1),
      overscan,
      count,
    };
  });

describe('the rows the contacts list renders', () => {
  it('always holds every row on screen, in order, within the list', () => {
    fc.assert(
      fc.property(ranges, fc.option(fc.integer({ min: 0, max: 100_000 })), (range, previous) => {
        const rows = rowsToRender(range, previous);
        for (let i = range.startIndex; i <= range.endIndex; i++) expect(rows).toContain(i);
        rows.forEach((row, k) => {
          if (k > 0) expect(row).toBe((rows[k - 1] as number) + 1);
        });
        expect(rows[0]).toBeGreaterThanOrEqual(0);
        expect(rows[rows.length - 1]).toBeLessThan(range.count);
      }),
    );
  });

  it('renders rows beyond the screen while scrolling slowly, none after a jump of a screen', () => {
    const range = { startIndex: 1000, endIndex: 1013, overscan: 4, count: 100_000 };
    expect(rowsToRender(range, 999)).toEqual(Array.from({ length: 22 }, (_, i) => 996 + i));
    expect(rowsToRender(range, 1000 - 14)).toEqual(Array.from({ length: 14 }, (_, i) => 1000 + i));
    expect(rowsToRender(range, 1000 + 200)).toHaveLength(14);
    expect(rowsToRender(range, null)).toHaveLength(22);
  });

  it('brings the overscan back once a fling stops', () => {
    const range = flingRange();
    const at = (startIndex: number): VisibleRange => ({
      startIndex,
      endIndex: startIndex + 13,
      overscan: 4,
      count: 100_000,
    });
    expect(range.moving(at(0))).toHaveLength(18);
    expect(range.moving(at(180))).toHaveLength(14);
    expect(range.moving(at(360))).toHaveLength(14);
    expect(range.still(at(360))).toHaveLength(22);
    // A slow scroll after it keeps the overscan.
    expect(range.moving(at(361))).toHaveLength(22);
  });
});
