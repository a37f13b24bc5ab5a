import { CostAccumulator } from './accumulator';
import type { CostEstimate, CostOptions, RecipientGroup } from './result-types';
import type { CoveragePrice } from './types';

/** Cost of sending to these recipients, per country and in total, from the coverage price list. */
export function estimateCost(
  groups: Iterable<RecipientGroup>,
  prices: readonly CoveragePrice[],
  options: CostOptions = {},
): CostEstimate {
  const acc = new CostAccumulator(prices, options);
  for (const g of groups) acc.add(g.countryIso, g.segments, g.recipients ?? 1);
  return acc.result();
}
