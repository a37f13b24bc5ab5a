import { fromMicros, safeAdd, safeMultiply } from './money';
import { type CountryPrice, indexPrices, type PriceIndex } from './price-index';
import type { CostEstimate, CostOptions, CountryCost, MissingPrice } from './result-types';
import type { CoveragePrice } from './types';

interface Tally {
  recipients: number;
  parts: number;
}

/**
 * Adds recipients one at a time (or in groups) so a 100,000-row CSV can be
 * costed while it streams; memory grows with the number of countries only.
 */
export class CostAccumulator {
  private readonly index: PriceIndex;
  private readonly tallies = new Map<string, Tally>();

  constructor(prices: readonly CoveragePrice[], options: CostOptions = {}) {
    this.index = indexPrices(prices, options.currency);
  }

  /** `segments` is the parts each recipient's message takes; `recipients` how many share it. */
  add(countryIso: string, segments: number, recipients = 1): void {
    if (!Number.isInteger(segments) || segments < 0) {
      throw new RangeError(`Invalid segment count ${segments}: expected a whole number >= 0`);
    }
    if (!Number.isInteger(recipients) || recipients < 0) {
      throw new RangeError(`Invalid recipient count ${recipients}: expected a whole number >= 0`);
    }
    const iso = countryIso.trim().toUpperCase();
    const tally = this.tallies.get(iso) ?? { recipients: 0, parts: 0 };
    tally.recipients = safeAdd(tally.recipients, recipients);
    tally.parts = safeAdd(tally.parts, safeMultiply(segments, recipients));
    this.tallies.set(iso, tally);
  }

  /** The estimate so far; can be called again after more `add`s. */
  result(): CostEstimate {
    const countries: CountryCost[] = [];
    const missing: MissingPrice[] = [];
    for (const [iso, tally] of [...this.tallies].sort(([a], [b]) => a.localeCompare(b))) {
      const price = this.index.byCountry.get(iso);
      if (price) countries.push(costOf(price, tally, this.index.currency));
      else missing.push(this.missingLine(iso, tally));
    }
    return {
      currency: this.index.currency,
      countries,
      missing,
      totals: totalsOf(countries, missing, this.index.currency),
    };
  }

  private missingLine(iso: string, tally: Tally): MissingPrice {
    const label = iso === '' ? 'an unknown country' : iso;
    const others = this.index.otherCurrencies.get(iso);
    const why = others
      ? `no price in ${this.index.currency} for ${label} (the list prices it in ${others.join(', ')})`
      : `no price for ${label}`;
    const who = `${tally.recipients} recipient${tally.recipients === 1 ? '' : 's'}, ${tally.parts} part${tally.parts === 1 ? '' : 's'}`;
    return {
      countryIso: iso,
      recipients: tally.recipients,
      parts: tally.parts,
      message: `${why}: ${who} not included in the totals.`,
    };
  }
}

function costOf(price: CountryPrice, tally: Tally, currency: string): CountryCost {
  const minMicros = safeMultiply(price.minMicros, tally.parts);
  const maxMicros = safeMultiply(price.maxMicros, tally.parts);
  return {
    countryIso: price.countryIso,
    countryName: price.countryName,
    recipients: tally.recipients,
    parts: tally.parts,
    pricePerPart: { min: fromMicros(price.minMicros), max: fromMicros(price.maxMicros) },
    min: fromMicros(minMicros),
    max: fromMicros(maxMicros),
    minMicros,
    maxMicros,
    currency,
  };
}

function totalsOf(
  countries: CountryCost[],
  missing: MissingPrice[],
  currency: string,
): CostEstimate['totals'] {
  let minMicros = 0;
  let maxMicros = 0;
  let recipients = 0;
  let parts = 0;
  for (const c of countries) {
    minMicros = safeAdd(minMicros, c.minMicros);
    maxMicros = safeAdd(maxMicros, c.maxMicros);
    recipients += c.recipients;
    parts += c.parts;
  }
  return {
    recipients,
    parts,
    min: fromMicros(minMicros),
    max: fromMicros(maxMicros),
    minMicros,
    maxMicros,
    currency,
    complete: missing.length === 0,
  };
}
