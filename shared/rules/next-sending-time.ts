import { rulesFor } from './country-rules';
import { nextOpenInstant } from './time-window';
import type { HolidayCalendar } from './types';

/**
 * When a marketing message to this country may go out, at or after `from`:
 * `from` itself when no time rule applies or it is already allowed. The outbox
 * uses it to schedule rather than fail.
 */
export function nextSendingTimeWith(
  countryIso: string,
  from: Date,
  holidays: HolidayCalendar,
): Date {
  const country = rulesFor(countryIso);
  let at = from;
  for (const rule of country?.rules ?? []) {
    if (rule.kind !== 'time-window') continue;
    at = nextOpenInstant({ countryIso: country?.countryIso ?? countryIso, ...rule }, at, holidays);
  }
  return at;
}
