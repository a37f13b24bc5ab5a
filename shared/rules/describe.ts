import type { TimeWindow, Weekday } from './types';

const DAY_NAMES = [
  '',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

/** "Monday-Friday 07:00-19:00 and Saturday 08:00-15:00" */
export function describeWindows(windows: readonly TimeWindow[]): string {
  return windows.map((w) => `${describeDays(w.days)} ${w.from}-${w.to}`).join(' and ');
}

function describeDays(days: readonly Weekday[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return 'no day';
  const contiguous = last - first + 1 === sorted.length;
  if (sorted.length === 1) return DAY_NAMES[first] ?? '';
  if (contiguous) return `${DAY_NAMES[first]}-${DAY_NAMES[last]}`;
  return sorted.map((d) => DAY_NAMES[d]).join(', ');
}

const describers = new Map<string, Intl.DateTimeFormat>();

/** "Sunday 22 November 2026, 14:00" on the zone's clock. */
export function describeInstant(instant: Date, timeZone: string): string {
  let f = describers.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    describers.set(timeZone, f);
  }
  return f.format(instant);
}
