/** What the numbering plan says a valid number is used for ('unknown' when metadata cannot tell). */
export type LineType =
  | 'mobile'
  | 'fixed-line-or-mobile'
  | 'fixed'
  | 'voip'
  | 'toll-free'
  | 'premium-rate'
  | 'shared-cost'
  | 'personal'
  | 'pager'
  | 'uan'
  | 'voicemail'
  | 'unknown';

/** Why an input is not a sendable phone number; stable codes for UI and CLI. */
export type InvalidPhoneReason =
  | 'empty'
  | 'scientific-notation'
  | 'not-a-number'
  | 'missing-country'
  | 'invalid-country-code'
  | 'too-short'
  | 'too-long'
  | 'invalid-length'
  | 'invalid-number';

export interface ValidPhone {
  ok: true;
  input: string;
  /** What the provider's `to` field takes: country calling code + national number, digits only. */
  provider: string;
  /** For display and storage, e.g. '+34666555444'. */
  e164: string;
  /** null for non-geographic numbers (+800, +882, ...). */
  countryIso: string | null;
  dialCode: string;
  nationalNumber: string;
  lineType: LineType;
  /** How the input was read, so a person can check an ambiguous column. */
  readAs: 'international' | 'national' | 'provider-form';
}

export interface InvalidPhone {
  ok: false;
  input: string;
  reason: InvalidPhoneReason;
  /** One sentence a person can act on. */
  message: string;
}

export type PhoneResult = ValidPhone | InvalidPhone;

export interface NormalizeOptions {
  /** ISO 3166-1 alpha-2 country used for numbers written without a country code. */
  defaultCountry?: string;
}
