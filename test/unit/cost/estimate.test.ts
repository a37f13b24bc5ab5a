import { describe, expect, it } from 'vitest';
import {
  CostAccumulator,
  type CoveragePrice,
  estimateCost,
  formatAmount,
} from '../../../shared/cost';

const line = (
  countryIso: string,
  network: string | null,
  pricePerPart: number,
  currency = 'EUR',
): CoveragePrice => ({
  countryIso,
  countryName:
    { AD: 'Andorra', AE: 'United Arab Emirates', ES: 'Spain', FR: 'France' }[countryIso] ??
    countryIso,
  dialCode: '0',
  network,
  pricePerPart,
  currency,
});

// Shaped like the seed's coverage example (lines 9282-9311) plus a two-price country.
const PRICES: CoveragePrice[] = [
  line('AD', 'Default', 0.065),
  line('AD', 'Servei De Tele. DAndorra', 0.065),
  line('AE', 'Default', 0.0868),
  line('ES', 'Movistar', 0.045),
  line('ES', 'Vodafone', 0.052),
  line('ES', 'Default', 0.05),
];

describe('estimateCost', () => {
  it('multiplies price per part by parts, per country', () => {
    const r = estimateCost(
      [
        { countryIso: 'AD', segments: 2 },
        { countryIso: 'AD', segments: 1, recipients: 2 },
        { countryIso: 'AE', segments: 3 },
      ],
      PRICES,
    );
    expect(r.currency).toBe('EUR');
    expect(r.countries).toEqual([
      expect.objectContaining({ countryIso: 'AD', recipients: 3, parts: 4, min: 0.26, max: 0.26 }),
      expect.objectContaining({
        countryIso: 'AE',
        recipients: 1,
        parts: 3,
        min: 0.2604,
        max: 0.2604,
      }),
    ]);
    expect(r.totals).toMatchObject({
      recipients: 4,
      parts: 7,
      min: 0.5204,
      max: 0.5204,
      complete: true,
    });
  });

  it('gives a range when a country has several network prices', () => {
    const r = estimateCost([{ countryIso: 'ES', segments: 2, recipients: 10 }], PRICES);
    expect(r.countries[0]).toMatchObject({
      countryName: 'Spain',
      parts: 20,
      pricePerPart: { min: 0.045, max: 0.052 },
      min: 0.9,
      max: 1.04,
    });
    expect(r.totals).toMatchObject({ min: 0.9, max: 1.04 });
  });

  it('lists countries without a price instead of counting them as free', () => {
    const r = estimateCost(
      [
        { countryIso: 'ES', segments: 1 },
        { countryIso: 'XX', segments: 2, recipients: 3 },
        { countryIso: 'XX', segments: 1 },
      ],
      PRICES,
    );
    expect(r.missing).toEqual([
      {
        countryIso: 'XX',
        recipients: 4,
        parts: 7,
        message: 'no price for XX: 4 recipients, 7 parts not included in the totals.',
      },
    ]);
    expect(r.totals).toMatchObject({ recipients: 1, parts: 1, complete: false });
    expect(r.countries.map((c) => c.countryIso)).toEqual(['ES']);
  });

  it('does not drift: 100,000 single parts at 0.0868 cost exactly 8680', () => {
    const acc = new CostAccumulator(PRICES);
    for (let i = 0; i < 100_000; i++) acc.add('AE', 1);
    const r = acc.result();
    expect(r.totals.max).toBe(8680);
    expect(r.totals.maxMicros).toBe(8_680_000_000);
    // The naive float sum is visibly off, which is why the estimate sums integers.
    let naive = 0;
    for (let i = 0; i < 100_000; i++) naive += 0.0868;
    expect(naive).not.toBe(8680);
  });

  it('accepts lower-case and padded country codes', () => {
    const r = estimateCost([{ countryIso: ' es ', segments: 1 }], [line('es', null, 0.05)]);
    expect(r.countries[0]).toMatchObject({ countryIso: 'ES', max: 0.05 });
    expect(r.missing).toEqual([]);
  });

  it('costs nothing for zero-part messages but still counts the recipients', () => {
    const r = estimateCost([{ countryIso: 'ES', segments: 0, recipients: 5 }], PRICES);
    expect(r.countries[0]).toMatchObject({ recipients: 5, parts: 0, min: 0, max: 0 });
  });

  it('rejects segment and recipient counts that cannot be real', () => {
    const acc = new CostAccumulator(PRICES);
    expect(() => acc.add('ES', 1.5)).toThrow(/segment count/);
    expect(() => acc.add('ES', -1)).toThrow(/segment count/);
    expect(() => acc.add('ES', 1, Number.NaN)).toThrow(/recipient count/);
    expect(() => new CostAccumulator([line('ES', null, -0.1)])).toThrow(/Invalid price/);
  });

  it('an empty send costs nothing and is complete', () => {
    expect(estimateCost([], PRICES).totals).toMatchObject({
      recipients: 0,
      min: 0,
      max: 0,
      complete: true,
    });
  });
});

describe('currency', () => {
  const mixed = [...PRICES, line('FR', null, 0.07, 'USD')];

  it("refuses to guess between currencies without the account's", () => {
    expect(() => estimateCost([{ countryIso: 'ES', segments: 1 }], mixed)).toThrow(
      /mixes currencies \(EUR, USD\)/,
    );
  });

  it("uses only prices in the account's currency and says when a country has others", () => {
    const r = estimateCost(
      [
        { countryIso: 'FR', segments: 1 },
        { countryIso: 'ES', segments: 1 },
      ],
      mixed,
      { currency: 'eur' },
    );
    expect(r.totals.currency).toBe('EUR');
    expect(r.missing[0]?.message).toBe(
      'no price in EUR for FR (the list prices it in USD): 1 recipient, 1 part not included in the totals.',
    );
  });

  it('formats amounts keeping sub-cent prices visible', () => {
    expect(formatAmount(86_800, 'EUR')).toBe('€0.0868');
    expect(formatAmount(8_680_000_000, 'EUR')).toBe('€8,680.00');
  });
});
