import type { CoveragePrice } from '../../../shared/cost';
import type { ProviderAdapter } from '../providers/types';

export interface Pricing {
  prices: CoveragePrice[] | null;
  currency: string | null;
  balance: number | null;
  /** Why the cost or balance is missing (offline, provider without a price list), or null. */
  note: string | null;
}

function why(error: unknown): string {
  return error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
}

/**
 * The price list and balance for a report. A bulk check must work offline,
 * so any failure becomes a note in the report, never an error.
 */
export async function fetchPricing(adapter: ProviderAdapter, timeoutMs = 8_000): Promise<Pricing> {
  const signal = AbortSignal.timeout(timeoutMs);
  const { coverage, accountInfo } = adapter.capabilities;
  const [prices, account] = await Promise.allSettled([
    coverage ? adapter.listCoverage({ signal }) : Promise.resolve(null),
    accountInfo ? adapter.getAccount({ signal }) : Promise.resolve(null),
  ]);
  const notes: string[] = [];
  if (prices.status === 'rejected')
    notes.push(`the price list could not be read (${why(prices.reason)})`);
  else if (prices.value === null) notes.push('this provider publishes no price list');
  if (account.status === 'rejected')
    notes.push(`the balance could not be read (${why(account.reason)})`);
  const info = account.status === 'fulfilled' ? account.value : null;
  return {
    prices: prices.status === 'fulfilled' ? prices.value : null,
    currency: info?.currency ?? null,
    balance: info?.balance ?? null,
    note: notes.length > 0 ? `Cost estimate incomplete: ${notes.join('; ')}.` : null,
  };
}
