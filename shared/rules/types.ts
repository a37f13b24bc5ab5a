/** Line numbers refer to /work/shared/seeds/003_8fbc6a4471956d19.txt (360nrs REST API). */
export type SeedLine = number;

/** Content families the seed names as prohibited or restricted somewhere. */
export type ContentCategory =
  | 'politics'
  | 'religion'
  | 'gambling'
  | 'unsolicited-promotion'
  | 'adult'
  | 'abuse'
  | 'firearms'
  | 'alcohol'
  | 'tobacco'
  | 'drugs'
  | 'investment'
  | 'third-party-otp'
  | 'high-risk-finance'
  | 'loans'
  | 'credit-repair'
  | 'debt-collection'
  | 'tax'
  | 'cryptocurrency'
  | 'real-estate-solicitation'
  | 'multi-level-marketing';

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Local wall-clock window, `from` inclusive, `to` exclusive, 'HH:MM' 24-hour. */
export interface TimeWindow {
  days: Weekday[];
  from: string;
  to: string;
}

/** Which messages a rule covers, as the seed scopes it. */
export type RuleScope = 'marketing' | 'all';

interface RuleBase {
  scope: RuleScope;
  line: SeedLine;
}

export type CountryRule =
  | (RuleBase & { kind: 'consent'; express: boolean })
  | (RuleBase & { kind: 'unsubscribe-option' })
  | (RuleBase & { kind: 'opt-out-text'; template: string; position: 'end' })
  | (RuleBase & {
      kind: 'time-window';
      timeZone: string;
      windows: TimeWindow[];
      closedOnPublicHolidays: boolean;
    })
  | (RuleBase & { kind: 'no-public-url-shorteners' })
  | (RuleBase & { kind: 'prohibited-content'; categories: ContentCategory[] })
  | (RuleBase & { kind: 'age-verification'; categories: ContentCategory[] })
  | (RuleBase & { kind: 'sender-validation'; contact: string })
  | (RuleBase & { kind: 'prior-registration' })
  | (RuleBase & { kind: 'provider-may-alter-text' });

export type RuleKind = CountryRule['kind'];

export interface CountryRules {
  countryIso: string;
  countryName: string;
  /** Line of the country's heading in the seed. */
  line: SeedLine;
  rules: CountryRule[];
}

/** Stable identifiers callers may switch on; the message is for people. */
export type IssueCode =
  | 'consent-refused'
  | 'consent-unconfirmed'
  | 'express-opt-in-required'
  | 'unsubscribe-missing'
  | 'opt-out-text-missing'
  | 'opt-out-text-not-at-end'
  | 'outside-sending-hours'
  | 'public-holiday'
  | 'public-url-shortener'
  | `prohibited-content:${ContentCategory}`
  | 'age-verification-required'
  | 'sender-validation'
  | 'prior-registration'
  | 'provider-may-alter-text'
  | 'country-not-listed';

export interface Issue {
  code: IssueCode;
  /** Says what to change, in one or two sentences. */
  message: string;
  countryIso: string;
  /** Where the rule comes from in the provider's documentation. */
  seedLine: SeedLine;
}

export interface RulesInput {
  text: string;
  countryIso: string;
  sendAt: Date;
  marketing: boolean;
  /** true = the person opted in, false = known not to have, undefined = not recorded. */
  consent?: boolean;
}

export interface RulesResult {
  blocks: Issue[];
  warnings: Issue[];
  /** Earliest instant >= sendAt the time rules allow; null when sendAt is already allowed. */
  nextAllowedAt: Date | null;
}

export interface CalendarDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

/** Public holidays of a country, on the country's own calendar. */
export interface HolidayCalendar {
  isPublicHoliday(countryIso: string, date: CalendarDate): boolean;
}
