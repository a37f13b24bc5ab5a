import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CostAccumulator, type CoveragePrice, estimateCost } from '../../../shared/cost';

const COUNTRIES = ['AD', 'AE', 'ES', 'FR', 'XX'];

// Price lists with up to 4 decimals, as the provider gives them, and sometimes no line for a country.
const priceList = fc
  .array(
    fc.record({
      countryIso: fc.constantFrom(...COUNTRIES.slice(0, 4)),
      tenThousandths: fc.integer({ min: 0, max: 5000 }),
      network: fc.option(fc.string({ minLength: 1, maxLength: 5 }), { nil: null }),
    }),
    { minLength: 0, maxLength: 12 },
  )
  .map((lines) =>
    lines.map(
      (l): CoveragePrice => ({
        countryIso: l.countryIso,
        countryName: l.countryIso,
        dialCode: '0',
        network: l.network,
        pricePerPart: l.tenThousandths / 10_000,
        currency: 'EUR',
      }),
    ),
  );

const recipients = fc.array(
  fc.record({
    countryIso: fc.constantFrom(...COUNTRIES),
    segments: fc.integer({ min: 0, max: 15 }),
  }),
  { maxLength: 200 },
);

describe('cost estimate properties', () => {
  it('streaming one recipient at a time equals the grouped estimate', () => {
    fc.assert(
      fc.property(priceList, recipients, (prices, rows) => {
        const acc = new CostAccumulator(prices);
        for (const r of rows) acc.add(r.countryIso, r.segments);
        const grouped = new Map<
          string,
          { countryIso: string; segments: number; recipients: number }
        >();
        for (const r of rows) {
          const key = `${r.countryIso}/${r.segments}`;
          const g = grouped.get(key) ?? { ...r, recipients: 0 };
          g.recipients++;
          grouped.set(key, g);
        }
        expect(acc.result()).toEqual(estimateCost(grouped.values(), prices));
      }),
    );
  });

  it('every recipient is either priced or listed as missing, and min <= max', () => {
    fc.assert(
      fc.property(priceList, recipients, (prices, rows) => {
        const r = estimateCost(rows, prices);
        const missing = r.missing.reduce((n, m) => n + m.recipients, 0);
        expect(r.totals.recipients + missing).toBe(rows.length);
        expect(r.totals.complete).toBe(missing === 0);
        for (const c of r.countries) expect(c.minMicros).toBeLessThanOrEqual(c.maxMicros);
        for (const m of r.missing) expect(m.message).toMatch(/^no price/);
      }),
    );
  });

  it('totals equal the exact sum of part x price, with no float drift', () => {
    fc.assert(
      fc.property(priceList, recipients, (prices, rows) => {
        const r = estimateCost(rows, prices);
        // Reference in BigInt ten-thousandths, independent of the implementation's micro-units.
        const maxOf = new Map<string, bigint>();
        for (const p of prices) {
          const v = BigInt(Math.round(p.pricePerPart * 10_000));
          maxOf.set(
            p.countryIso,
            (maxOf.get(p.countryIso) ?? v) > v ? (maxOf.get(p.countryIso) ?? v) : v,
          );
        }
        let expected = 0n;
        for (const row of rows)
          expected += (maxOf.get(row.countryIso) ?? 0n) * BigInt(row.segments);
        expect(BigInt(r.totals.maxMicros)).toBe(expected * 100n);
        expect(r.totals.max.toFixed(4)).toBe((Number(expected) / 10_000).toFixed(4));
      }),
    );
  });
});
