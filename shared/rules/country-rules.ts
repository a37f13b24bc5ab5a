import type { CountryRule, CountryRules } from './types';

// Each entry is one statement of the seed's "Sending Restrictions by Country"
// (seeds/003_8fbc6a4471956d19.txt, lines 10098-10141), with the line it comes from.
// Scope follows the seed: France and the US exempt transactional messages
// (10106, 10125); Spain and the UK apply to "SMS identified as marketing" (10116,
// 10120); Colombia's content and Ireland's content rules state no scope, so 'all'.

const SUPPORT = 'support@360nrs.com';

/** "Preliminary Considerations": apply to every country. */
export const GLOBAL_RULES: readonly CountryRule[] = [
  { kind: 'consent', scope: 'all', express: false, line: 10103 },
  { kind: 'unsubscribe-option', scope: 'marketing', line: 10104 },
];

/** Line where the seed suggests asking support about countries it does not list. */
export const UNLISTED_COUNTRY_LINE = 10101;

export const COUNTRY_RULES: Readonly<Record<string, CountryRules>> = {
  FR: {
    countryIso: 'FR',
    countryName: 'France',
    line: 10105,
    rules: [
      {
        kind: 'prohibited-content',
        scope: 'marketing',
        categories: ['politics', 'religion', 'gambling', 'unsolicited-promotion'],
        line: 10108,
      },
      {
        kind: 'time-window',
        scope: 'marketing',
        timeZone: 'Europe/Paris',
        windows: [{ days: [1, 2, 3, 4, 5, 6], from: '08:00', to: '22:00' }],
        closedOnPublicHolidays: false,
        line: 10110,
      },
      { kind: 'sender-validation', scope: 'marketing', contact: SUPPORT, line: 10112 },
      {
        kind: 'opt-out-text',
        scope: 'marketing',
        template: 'STOP au [STOP_CODE]',
        position: 'end',
        line: 10114,
      },
    ],
  },
  ES: {
    countryIso: 'ES',
    countryName: 'Spain',
    line: 10115,
    rules: [
      {
        kind: 'prohibited-content',
        scope: 'marketing',
        categories: ['politics', 'religion', 'gambling', 'unsolicited-promotion'],
        line: 10118,
      },
    ],
  },
  GB: {
    countryIso: 'GB',
    countryName: 'United Kingdom',
    line: 10119,
    rules: [
      {
        kind: 'prohibited-content',
        scope: 'marketing',
        categories: ['politics', 'religion', 'unsolicited-promotion'],
        line: 10122,
      },
      {
        kind: 'age-verification',
        scope: 'marketing',
        categories: ['adult', 'gambling'],
        line: 10123,
      },
    ],
  },
  US: {
    countryIso: 'US',
    countryName: 'United States',
    line: 10124,
    rules: [
      { kind: 'no-public-url-shorteners', scope: 'marketing', line: 10127 },
      {
        kind: 'prohibited-content',
        scope: 'marketing',
        categories: [
          'adult',
          'abuse',
          'firearms',
          'alcohol',
          'tobacco',
          'drugs',
          'gambling',
          'investment',
          'third-party-otp',
          'high-risk-finance',
          'loans',
          'credit-repair',
          'debt-collection',
          'tax',
          'cryptocurrency',
          'real-estate-solicitation',
          'multi-level-marketing',
        ],
        line: 10128,
      },
      { kind: 'sender-validation', scope: 'marketing', contact: SUPPORT, line: 10130 },
    ],
  },
  CO: {
    countryIso: 'CO',
    countryName: 'Colombia',
    line: 10131,
    rules: [
      {
        kind: 'time-window',
        scope: 'marketing',
        timeZone: 'America/Bogota',
        windows: [
          { days: [1, 2, 3, 4, 5], from: '07:00', to: '19:00' },
          { days: [6], from: '08:00', to: '15:00' },
        ],
        closedOnPublicHolidays: true,
        line: 10132,
      },
      { kind: 'prior-registration', scope: 'marketing', line: 10134 },
      { kind: 'provider-may-alter-text', scope: 'marketing', line: 10134 },
      {
        kind: 'prohibited-content',
        scope: 'all',
        categories: ['politics', 'religion', 'gambling', 'unsolicited-promotion'],
        line: 10136,
      },
    ],
  },
  IE: {
    countryIso: 'IE',
    countryName: 'Ireland',
    line: 10137,
    rules: [
      { kind: 'consent', scope: 'marketing', express: true, line: 10138 },
      {
        kind: 'prohibited-content',
        scope: 'all',
        categories: ['politics', 'religion', 'gambling', 'unsolicited-promotion'],
        line: 10140,
      },
      { kind: 'sender-validation', scope: 'all', contact: SUPPORT, line: 10142 },
    ],
  },
};

/** The rules for one country (upper- or lower-case ISO code), or undefined if the seed does not list it. */
export function rulesFor(countryIso: string): CountryRules | undefined {
  return COUNTRY_RULES[countryIso.toUpperCase()];
}
