export { checkRules } from './check';
export { CATEGORY_KEYWORDS, CATEGORY_LABELS } from './content-keywords';
export { COUNTRY_RULES, GLOBAL_RULES, rulesFor } from './country-rules';
export { type CheckOptions, checkSendingRules, nextSendingTime } from './defaults';
export { calendarFromDates } from './holiday-list';
export { libraryHolidays, publicHolidayDates } from './holidays';
export { nextSendingTimeWith } from './next-sending-time';
export { frenchStopPosition, hasUnsubscribeOption } from './opt-out';
export { isOpenAt, nextOpenInstant, type WindowSchedule } from './time-window';
export type {
  CalendarDate,
  ContentCategory,
  CountryRule,
  CountryRules,
  HolidayCalendar,
  Issue,
  IssueCode,
  RuleKind,
  RuleScope,
  RulesInput,
  RulesResult,
  TimeWindow,
  Weekday,
} from './types';
export { findPublicShorteners, PUBLIC_URL_SHORTENERS } from './url-shorteners';
