import { toMicros } from '../../../shared/cost/money';
import type { CoveragePrice } from '../../../shared/cost/types';
import type { Db } from '../db/connection';
import { writeTransaction } from '../db/transaction';
import type { ProviderAdapter } from '../providers/types';

/** One country's price per part as kept for reports. */
export interface KeptPrice {
  countryIso: string;
  countryName: string;
  currency: string;
  partMicros: number;
}

/**
 * One price per country in `currency`: the provider's country-wide ("Default",
 * network null) line, which is what it charges when it does not know the
 * network; without one, the dearest network, so spend is never understated.
 */
export function pricePerCountry(lines: readonly CoveragePrice[], currency: string): KeptPrice[] {
  const chosen = new Map<string, KeptPrice & { countryWide: boolean }>();
  for (const line of lines) {
    if (line.currency.toUpperCase() !== currency) continue;
    const iso = line.countryIso.toUpperCase();
    const micros = toMicros(line.pricePerPart);
    const countryWide = line.network === null;
    const known = chosen.get(iso);
    const better =
      !known ||
      (countryWide && !known.countryWide) ||
      (countryWide === known.countryWide && micros > known.partMicros);
    if (better) {
      chosen.set(iso, {
        countryIso: iso,
        countryName: line.countryName,
        currency,
        partMicros: micros,
        countryWide,
      });
    }
  }
  return [...chosen.values()].map(({ countryWide: _, ...price }) => price);
}

/** Replaces the account's kept prices in one transaction (a list read later wins). */
export function keepPrices(db: Db, accountId: number, prices: readonly KeptPrice[], at: number) {
  const insert = db.prepare(
    `INSERT INTO account_prices (account_id, country_iso, country_name, currency, part_micros, fetched_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  writeTransaction(db, () => {
    db.prepare('DELETE FROM account_prices WHERE account_id = ?').run(accountId);
    for (const p of prices)
      insert.run(accountId, p.countryIso, p.countryName, p.currency, p.partMicros, at);
  });
}

/** When the kept list was read and in which currency, or null before the first read. */
export function keptPriceList(
  db: Db,
  accountId: number,
): { currency: string; readAt: number; countries: number } | null {
  const row = db
    .prepare(
      `SELECT currency, max(fetched_at) AS readAt, count(*) AS countries
         FROM account_prices WHERE account_id = ? GROUP BY currency ORDER BY readAt DESC LIMIT 1`,
    )
    .get(accountId) as { currency: string; readAt: number; countries: number } | undefined;
  return row ?? null;
}

export class PriceListUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PriceListUnavailable';
  }
}

/**
 * Reads the provider's price list and the account's currency and keeps them.
 * Needs the network; the reports themselves never do.
 */
export async function refreshPrices(
  db: Db,
  accountId: number,
  adapter: ProviderAdapter,
  opts: { signal?: AbortSignal; now?: number } = {},
): Promise<{ currency: string; countries: number; readAt: number }> {
  if (!adapter.capabilities.coverage) {
    throw new PriceListUnavailable(
      `The ${adapter.provider} API publishes no price list, so spend cannot be worked out.`,
    );
  }
  const [lines, info] = await Promise.all([
    adapter.listCoverage({ signal: opts.signal }),
    adapter.capabilities.accountInfo
      ? adapter.getAccount({ signal: opts.signal })
      : Promise.resolve(null),
  ]);
  const currencies = [...new Set(lines.map((l) => l.currency.toUpperCase()))];
  const currency =
    info?.currency?.toUpperCase() ?? (currencies.length === 1 ? currencies[0] : null);
  if (!currency) {
    throw new PriceListUnavailable(
      `The price list mixes currencies (${currencies.join(', ')}) and the account's own is not known.`,
    );
  }
  const prices = pricePerCountry(lines, currency);
  const readAt = opts.now ?? Date.now();
  keepPrices(db, accountId, prices, readAt);
  return { currency, countries: prices.length, readAt };
}
