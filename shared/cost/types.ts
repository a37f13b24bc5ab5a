/** One price line of the provider's SMS coverage list, in the account's currency. */
export interface CoveragePrice {
  countryIso: string; // ISO 3166-1 alpha-2, upper case, e.g. 'ES'
  countryName: string;
  dialCode: string; // e.g. '34'
  network: string | null; // null when the provider gives one price for the country
  mcc?: string;
  mnc?: string;
  pricePerPart: number;
  currency: string; // ISO 4217, e.g. 'EUR'
}
