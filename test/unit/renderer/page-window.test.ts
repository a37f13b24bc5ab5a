import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Heading,
  headingOf,
  MAX_PAGES,
  PAGE_SIZE,
  pagesFor,
  pagesToKeep,
} from '../../../renderer/src/features/contacts/page-window';

describe('the contacts list window', () => {
  it('asks for the pages that hold every visible row, within the list, and few more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom<Heading>('down', 'up', 'still'),
        (total, startRaw, visible, heading) => {
          const start = startRaw % total;
          const end = Math.min(total - 1, start + visible);
          const pages = pagesFor(start, end, total, heading);
          for (let row = start; row <= end; row++) {
            expect(pages).toContain(Math.floor(row / PAGE_SIZE));
          }
          expect(pages.every((p) => p >= 0 && p * PAGE_SIZE < total)).toBe(true);
          const lead = heading === 'still' ? 3 : 4;
          expect(pages.length).toBeLessThanOrEqual(Math.ceil(visible / PAGE_SIZE) + lead);
        },
      ),
    );
    expect(pagesFor(0, 10, 0)).toEqual([]);
  });

  it('asks for a second page ahead of a moving list, on the side it is heading to', () => {
    // Rows 520..540 are on page 5: one page of lead either side, one more ahead.
    expect(pagesFor(520, 540, 100_000, 'still')).toEqual([4, 5, 6]);
    expect(pagesFor(520, 540, 100_000, 'down')).toEqual([4, 5, 6, 7]);
    expect(pagesFor(520, 540, 100_000, 'up')).toEqual([3, 4, 5, 6]);
    // Never past either end of the list.
    expect(pagesFor(0, 20, 1_000, 'up')).toEqual([0, 1]);
    expect(pagesFor(980, 999, 1_000, 'down')).toEqual([8, 9]);
    expect(headingOf({ start: 10 }, { start: 30 })).toBe('down');
    expect(headingOf({ start: 30 }, { start: 10 })).toBe('up');
    expect(headingOf({ start: 30 }, { start: 30 })).toBe('still');
  });

  it('keeps at most MAX_PAGES pages, those nearest the person', () => {
    const held = Array.from({ length: 200 }, (_, i) => i);
    const kept = pagesToKeep(held, 120);
    expect(kept.size).toBe(MAX_PAGES);
    expect(kept.has(120)).toBe(true);
    expect(kept.has(0)).toBe(false);
    expect(Math.max(...kept) - Math.min(...kept)).toBeLessThanOrEqual(MAX_PAGES);
  });
});
