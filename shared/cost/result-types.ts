export interface CostOptions {
  /** The account's currency (ISO 4217); required when the price list mixes currencies. */
  currency?: string;
}

/** Recipients of one country whose messages take `segments` parts each. */
export interface RecipientGroup {
  countryIso: string;
  segments: number;
  /** Defaults to 1: one entry per recipient. */
  recipients?: number;
}

export interface CountryCost {
  countryIso: string;
  countryName: string;
  recipients: number;
  parts: number;
  /** The cheapest and dearest network price per part in the country. */
  pricePerPart: { min: number; max: number };
  /** Cost if every part goes at the cheapest / dearest network price. */
  min: number;
  max: number;
  /** The same amounts exactly, in millionths of the currency. */
  minMicros: number;
  maxMicros: number;
  currency: string;
}

/** Recipients the estimate could not price; never counted as zero. */
export interface MissingPrice {
  countryIso: string;
  recipients: number;
  parts: number;
  /** e.g. "no price for XX: 3 recipients, 3 parts not included in the totals." */
  message: string;
}

export interface CostEstimate {
  currency: string;
  /** Priced countries, by ISO code. */
  countries: CountryCost[];
  missing: MissingPrice[];
  totals: {
    /** Priced recipients and parts only. */
    recipients: number;
    parts: number;
    min: number;
    max: number;
    minMicros: number;
    maxMicros: number;
    currency: string;
    /** false when some recipients had no price, so the totals are a lower bound. */
    complete: boolean;
  };
}
