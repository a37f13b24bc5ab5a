import { CostAccumulator, type CostEstimate, type CoveragePrice } from '../cost';
import type { MergeCount, MergeTarget } from './merge-count';

export interface ComposeCost {
  estimate: CostEstimate;
  /** Balance in the same currency, or null when the provider did not say it. */
  balance: number | null;
  /** The dearest estimate is more than the balance: some messages would be refused (111). */
  exceedsBalance: boolean;
}

/**
 * What the merged messages cost at the provider's prices per destination:
 * each recipient's own parts at its country's price. Recipients left out
 * (missing fields) cost nothing; countries without a price are named by the
 * estimate, never counted as free.
 */
export function composeCost(
  merged: MergeCount,
  targets: readonly MergeTarget[],
  pricing: { prices: readonly CoveragePrice[]; currency: string; balance: number | null },
): ComposeCost {
  const countryOf = new Map(targets.map((t) => [t.key, t.countryIso ?? '']));
  const acc = new CostAccumulator(pricing.prices, { currency: pricing.currency });
  for (const m of merged.messages) {
    if (m.ok) acc.add(countryOf.get(m.key) ?? '', m.count.segments);
  }
  const estimate = acc.result();
  const balanceMicros = pricing.balance === null ? null : Math.round(pricing.balance * 1e6);
  return {
    estimate,
    balance: pricing.balance,
    exceedsBalance: balanceMicros !== null && estimate.totals.maxMicros > balanceMicros,
  };
}
