import { isoUtc } from '../clock';
import { json, type SandboxReply } from '../http-types';
import { WALLET_CURRENCY } from '../wallet';
import type { NrsStore } from './store';

export const ACCOUNT_CREATED_AT = Date.UTC(2020, 0, 15, 9, 30, 0);

/**
 * GET /api/rest/account (seed 003 line 9070). The seed names the fields (username,
 * email, time zone, language, balance, creation date, country, currency) but shows
 * no body: this `{data:{...}}` shape follows the other v2-style answers. The balance
 * is money left in `currency` (EUR), charged per part at the coverage price.
 */
export function account(store: NrsStore, username: string): SandboxReply {
  return json(200, {
    data: {
      username,
      email: `${username}@example.com`,
      timezone: 'Europe/Madrid',
      language: 'en',
      balance: store.ctx.wallet.balance,
      createdAt: isoUtc(ACCOUNT_CREATED_AT),
      country: 'ES',
      currency: WALLET_CURRENCY,
    },
  });
}
