export { CostAccumulator } from './accumulator';
export { estimateCost } from './estimate';
export { formatAmount } from './format';
export { fromMicros, MICROS_PER_UNIT, toMicros } from './money';
export type {
  CostEstimate,
  CostOptions,
  CountryCost,
  MissingPrice,
  RecipientGroup,
} from './result-types';
export type { CoveragePrice } from './types';
