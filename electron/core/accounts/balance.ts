import { fromMicros, toMicros } from '../../../shared/cost/money';
import { indexPrices } from '../../../shared/cost/price-index';
import type { ProviderAdapter } from '../providers/types';

/** The price of one SMS part to a country, in the account's currency. */
export interface CountryPartPrice {
  countryIso: string;
  countryName: string;
  currency: string;
  /** Cheapest and dearest network (the recipient's network is not known before sending). */
  min: number;
  max: number;
  networks: { network: string | null; pricePerPart: number }[];
}

export interface BalanceReport {
  balance: number;
  currency: string;
  /** Exactly, in millionths of the currency (compare costs with this). */
  balanceMicros: number;
  price: CountryPartPrice | null;
}

export class BalanceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BalanceError';
  }
}

/**
 * The account's balance in money and, for `country`, what one part costs there,
 * both in the account's currency (360nrs GET /api/rest/account and
 * /api/rest/sms/coverage, seed 003 lines 9070, 9175). Prices in another
 * currency are never mixed in: a country priced only in one is an error.
 */
export async function accountBalance(
  adapter: ProviderAdapter,
  accountName: string,
  country?: string,
  opts: { signal?: AbortSignal } = {},
): Promise<BalanceReport> {
  if (!adapter.capabilities.accountInfo) {
    throw new BalanceError(`The ${adapter.provider} API of "${accountName}" reports no balance.`);
  }
  const iso = country?.trim().toUpperCase();
  if (iso !== undefined && !/^[A-Z]{2}$/.test(iso)) {
    throw new BalanceError(`"${country}" is not a country code; use two letters such as ES.`);
  }
  const info = await adapter.getAccount(opts);
  if (info.balance === null || info.currency === null) {
    throw new BalanceError(`The provider did not say the balance of "${accountName}".`);
  }
  const currency = info.currency.toUpperCase();
  const report: BalanceReport = {
    balance: info.balance,
    currency,
    balanceMicros: toMicros(Math.max(0, info.balance)),
    price: null,
  };
  if (iso === undefined) return report;
  if (!adapter.capabilities.coverage) {
    throw new BalanceError(`The ${adapter.provider} API publishes no price list.`);
  }
  const lines = (await adapter.listCoverage(opts)).filter(
    (l) => l.countryIso.toUpperCase() === iso,
  );
  const index = indexPrices(lines, currency);
  const price = index.byCountry.get(iso);
  if (!price) {
    const others = index.otherCurrencies.get(iso);
    throw new BalanceError(
      others
        ? `The price list prices ${iso} in ${others.join(', ')}, not in the account's ${currency}.`
        : `The provider's price list has no price for ${iso}.`,
    );
  }
  report.price = {
    countryIso: iso,
    countryName: price.countryName,
    currency,
    min: fromMicros(price.minMicros),
    max: fromMicros(price.maxMicros),
    networks: lines
      .filter((l) => l.currency.toUpperCase() === currency)
      .map((l) => ({ network: l.network, pricePerPart: l.pricePerPart })),
  };
  return report;
}
