import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
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
        (total, startRaw, visible) => {
          const start = startRaw % total;
          const end = Math.min(total - 1, start + visible);
          const pages = pagesFor(start, end, total);
          for (let row = start; row <= end; row++) {
            expect(pages).toContain(Math.floor(row / PAGE_SIZE));
          }
          expect(pages.every((p) => p >= 0 && p * PAGE_SIZE < total)).toBe(true);
          expect(pages.length).toBeLessThanOrEqual(Math.ceil(visible / PAGE_SIZE) + 3);
        },
      ),
    );
    expect(pagesFor(0, 10, 0)).toEqual([]);
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
