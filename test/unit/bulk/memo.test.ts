import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Memo } from '../../../electron/core/bulk/memo';

describe('the per-job memo', () => {
  it('answers what make gives, and remembers it', () => {
    const memo = new Memo<number>(10, 1_000);
    let made = 0;
    const make = () => ++made;
    expect(memo.get('a', make)).toBe(1);
    expect(memo.get('a', make)).toBe(1);
    expect(memo.get('b', make)).toBe(2);
    expect(made).toBe(2);
  });

  it('never holds more than its entries or its key characters, whatever the keys', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 300 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 1_000 }),
        (keys, maxEntries, maxChars) => {
          const memo = new Memo<string>(maxEntries, maxChars);
          for (const key of keys) {
            expect(memo.get(key, () => `v:${key}`)).toBe(`v:${key}`);
            const { entries, chars } = memo.size;
            expect(entries).toBeLessThanOrEqual(maxEntries);
            expect(chars).toBeLessThanOrEqual(maxChars);
          }
        },
      ),
    );
  });

  it('keeps 500,000 characters of 8,000-character texts at most (about 62 of them)', () => {
    const memo = new Memo<number>(10_000, 500_000);
    for (let i = 0; i < 1_000; i++) memo.get(`${i}`.padEnd(8_000, 'x'), () => i);
    expect(memo.size.chars).toBeLessThanOrEqual(500_000);
    expect(memo.size.entries).toBeLessThanOrEqual(62);
  });
});
