import { toMicros } from './money';
import type { CoveragePrice } from './types';

/** The price range of one country in the chosen currency. */
export interface CountryPrice {
  countryIso: string;
  countryName: string;
  minMicros: number;
  maxMicros: number;
  /** Price lines behind the range (a country-wide line counts as one). */
  lines: number;
}

export interface PriceIndex {
  currency: string;
  byCountry: ReadonlyMap<string, CountryPrice>;
  /** Countries priced only in other currencies, with those currencies. */
  otherCurrencies: ReadonlyMap<string, string[]>;
}

/**
 * Groups coverage lines per country. Every line counts towards min and max,
 * including the provider's "Default" network line, because the recipient's
 * network is not known before sending.
 */
export function indexPrices(prices: readonly CoveragePrice[], currency?: string): PriceIndex {
  const chosen = currency?.toUpperCase() ?? soleCurrency(prices);
  const byCountry = new Map<string, CountryPrice>();
  const otherCurrencies = new Map<string, string[]>();
  for (const line of prices) {
    const iso = line.countryIso.trim().toUpperCase();
    const lineCurrency = line.currency.toUpperCase();
    if (lineCurrency !== chosen) {
      const seen = otherCurrencies.get(iso) ?? [];
      if (!seen.includes(lineCurrency)) otherCurrencies.set(iso, [...seen, lineCurrency]);
      continue;
    }
    const micros = toMicros(line.pricePerPart);
    const known = byCountry.get(iso);
    byCountry.set(iso, {
      countryIso: iso,
      countryName: known?.countryName ?? line.countryName,
      minMicros: Math.min(known?.minMicros ?? micros, micros),
      maxMicros: Math.max(known?.maxMicros ?? micros, micros),
      lines: (known?.lines ?? 0) + 1,
    });
  }
  for (const iso of byCountry.keys()) otherCurrencies.delete(iso);
  return { currency: chosen, byCountry, otherCurrencies };
}

function soleCurrency(prices: readonly CoveragePrice[]): string {
  const currencies = [...new Set(prices.map((p) => p.currency.toUpperCase()))];
  if (currencies.length > 1) {
    throw new RangeError(
      `The price list mixes currencies (${currencies.join(', ')}); pass the account's currency.`,
    );
  }
  // An empty list still needs a label; every country will be reported without a price.
  return currencies[0] ?? 'EUR';
}
