import type { Migration } from './index';

/**
 * Reports (issue 12) must show spend offline, and the provider's send answer
 * carries no price: the account's price list is kept here whenever it is read
 * (one price per part and country, in the account's currency), so spend is
 * parts × that price without the network.
 */
export const m011Reports: Migration = {
  version: 11,
  name: 'reports: the last price list read for each account',
  sql: `
    CREATE TABLE account_prices (
      account_id    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      country_iso   TEXT NOT NULL,
      country_name  TEXT NOT NULL,
      currency      TEXT NOT NULL,
      -- the provider's country-wide ("Default") price per part, else its dearest network's
      part_micros   INTEGER NOT NULL CHECK (part_micros >= 0),
      fetched_at    INTEGER NOT NULL,
      PRIMARY KEY (account_id, country_iso)
    ) WITHOUT ROWID;
  `,
};
