import { checkRules } from './check';
import { libraryHolidays } from './holidays';
import { nextSendingTimeWith } from './next-sending-time';
import type { HolidayCalendar, RulesInput, RulesResult } from './types';

export interface CheckOptions {
  /** Defaults to the date-holidays library; tests and lean bundles may pass their own. */
  holidays?: HolidayCalendar;
}

/**
 * Checks one message to one country against the provider's published rules.
 * Blocks must be fixed before sending (or, for time windows, the send moved to
 * `nextAllowedAt`); warnings are for a person to review.
 */
export function checkSendingRules(input: RulesInput, options: CheckOptions = {}): RulesResult {
  return checkRules(input, options.holidays ?? libraryHolidays);
}

/**
 * When a marketing message to this country may go out, at or after `from`:
 * `from` itself when no time rule applies or it is already allowed. The outbox
 * uses it to schedule rather than fail.
 */
export function nextSendingTime(
  countryIso: string,
  from: Date,
  holidays: HolidayCalendar = libraryHolidays,
): Date {
  return nextSendingTimeWith(countryIso, from, holidays);
}
