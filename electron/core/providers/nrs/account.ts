import { type CountryCode, getCountryCallingCode, isSupportedCountry } from 'libphonenumber-js';
import type { CoveragePrice } from '../../../../shared/cost/types';
import type { AccountInfo } from '../../../../shared/domain/account';
import type { AccountResponse, NrsCoverageItem } from '../../../../shared/providers/nrs/account';

export function mapAccount(res: AccountResponse): AccountInfo {
  const a = 'data' in res ? res.data : res;
  const balance = typeof a.balance === 'number' ? a.balance : Number(a.balance);
  return {
    username: a.username,
    email: a.email ?? null,
    balance: Number.isFinite(balance) ? balance : null,
    currency: a.currency,
    timezone: a.timezone ?? null,
    country: a.country ?? null,
  };
}

function dialCode(iso: string): string {
  const cc = iso.toUpperCase();
  return isSupportedCountry(cc) ? getCountryCallingCode(cc as CountryCode) : '';
}

/** "Default" is the provider's country-wide price (seed 003 line 9280). */
export function mapCoverage(item: NrsCoverageItem): CoveragePrice {
  const price: CoveragePrice = {
    countryIso: item.countryIso.toUpperCase(),
    countryName: item.countryName,
    dialCode: dialCode(item.countryIso),
    network: item.networkName === 'Default' ? null : item.networkName,
    pricePerPart: item.cost,
    currency: item.currencyCode,
  };
  if (item.mcc) price.mcc = item.mcc;
  if (item.mnc) price.mnc = item.mnc;
  return price;
}
