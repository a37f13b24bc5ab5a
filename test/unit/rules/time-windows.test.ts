import { describe, expect, it } from 'vitest';
import {
  calendarFromDates,
  checkRules,
  checkSendingRules,
  type HolidayCalendar,
  nextSendingTime,
  publicHolidayDates,
} from '../../../shared/rules';

const marketingTo = (countryIso: string, sendAt: string) =>
  checkSendingRules({
    // Passes every text rule, so only the clock decides.
    text: 'Offre -20% STOP au 36173',
    countryIso,
    sendAt: new Date(sendAt),
    marketing: true,
    consent: true,
  });

const timeBlock = (r: ReturnType<typeof checkSendingRules>) =>
  r.blocks.find((b) => b.code === 'outside-sending-hours' || b.code === 'public-holiday');

/** nextAllowedAt as ISO, or 'now' when sendAt is allowed. */
const next = (countryIso: string, sendAt: string) => {
  const r = marketingTo(countryIso, sendAt);
  expect(Boolean(timeBlock(r))).toBe(r.nextAllowedAt !== null);
  return r.nextAllowedAt?.toISOString() ?? 'now';
};

describe('France: marketing Monday-Saturday 08:00-22:00 Paris time (seed line 10110)', () => {
  it.each([
    // Winter, UTC+1: Wednesday 14 January 2026.
    ['07:59 winter', '2026-01-14T06:59:00Z', '2026-01-14T07:00:00.000Z'],
    ['08:00 winter', '2026-01-14T07:00:00Z', 'now'],
    ['21:59 winter', '2026-01-14T20:59:00Z', 'now'],
    ['22:00 winter', '2026-01-14T21:00:00Z', '2026-01-15T07:00:00.000Z'],
    // Summer, UTC+2: Wednesday 15 July 2026.
    ['07:59 summer', '2026-07-15T05:59:00Z', '2026-07-15T06:00:00.000Z'],
    ['08:00 summer', '2026-07-15T06:00:00Z', 'now'],
    ['21:59:59 summer', '2026-07-15T19:59:59Z', 'now'],
    ['22:00 summer', '2026-07-15T20:00:00Z', '2026-07-16T06:00:00.000Z'],
  ])('%s', (_label, sendAt, expected) => {
    expect(next('FR', sendAt)).toBe(expected);
  });

  it("follows the seed's example: Sunday 14:00 waits until Monday 08:00", () => {
    expect(next('FR', '2026-11-22T13:00:00Z')).toBe('2026-11-23T07:00:00.000Z');
  });

  it('Saturday is open, and Saturday 22:00 waits until Monday 08:00', () => {
    expect(next('FR', '2026-11-21T20:59:00Z')).toBe('now');
    expect(next('FR', '2026-11-21T21:00:00Z')).toBe('2026-11-23T07:00:00.000Z');
  });

  it('carries a weekend wait across the spring and autumn clock changes', () => {
    // Clocks go forward on Sunday 29 March 2026: Monday 08:00 is then UTC+2.
    expect(next('FR', '2026-03-28T21:30:00Z')).toBe('2026-03-30T06:00:00.000Z');
    // Clocks go back on Sunday 25 October 2026: Monday 08:00 is then UTC+1.
    expect(next('FR', '2026-10-24T21:00:00Z')).toBe('2026-10-26T07:00:00.000Z');
  });

  it('explains the window and the suggested time in the block message', () => {
    const block = timeBlock(marketingTo('FR', '2026-11-22T13:00:00Z'));
    expect(block?.message).toContain('Monday-Saturday 08:00-22:00');
    expect(block?.message).toContain('Sunday, 22 November 2026 at 14:00');
    expect(block?.message).toContain('Monday, 23 November 2026 at 08:00');
    expect(block?.seedLine).toBe(10110);
  });

  it('does not hold back transactional messages', () => {
    const r = checkSendingRules({
      text: 'Votre code: 1234',
      countryIso: 'FR',
      sendAt: new Date('2026-11-22T03:00:00Z'),
      marketing: false,
    });
    expect(r).toEqual({ blocks: [], warnings: [], nextAllowedAt: null });
  });
});

describe('Colombia: Mon-Fri 07:00-19:00, Sat 08:00-15:00, never Sundays or holidays (seed line 10132)', () => {
  // Bogota is UTC-5 all year (no DST).
  it.each([
    ['Wed 06:59', '2025-10-15T11:59:00Z', '2025-10-15T12:00:00.000Z'],
    ['Wed 07:00', '2025-10-15T12:00:00Z', 'now'],
    ['Wed 18:59', '2025-10-15T23:59:00Z', 'now'],
    ['Wed 19:00', '2025-10-16T00:00:00Z', '2025-10-16T12:00:00.000Z'],
    ['Sat 07:59', '2025-10-18T12:59:00Z', '2025-10-18T13:00:00.000Z'],
    ['Sat 08:00', '2025-10-18T13:00:00Z', 'now'],
    ['Sat 14:59', '2025-10-18T19:59:00Z', 'now'],
    ['Sat 15:00 -> Mon 07:00', '2025-10-18T20:00:00Z', '2025-10-20T12:00:00.000Z'],
    ['Sun 14:00 -> Mon 07:00', '2025-10-19T19:00:00Z', '2025-10-20T12:00:00.000Z'],
  ])('%s', (_label, sendAt, expected) => {
    expect(next('CO', sendAt)).toBe(expected);
  });

  it('matches the official 2025 holiday calendar (Ley 51 de 1983, Emiliani)', () => {
    // Official 2025 festivos of Colombia as published for the year.
    const official = [
      '2025-01-01',
      '2025-01-06',
      '2025-03-24',
      '2025-04-17',
      '2025-04-18',
      '2025-05-01',
      '2025-06-02',
      '2025-06-23',
      '2025-06-30',
      '2025-07-20',
      '2025-08-07',
      '2025-08-18',
      '2025-10-13',
      '2025-11-03',
      '2025-11-17',
      '2025-12-08',
      '2025-12-25',
    ];
    const library = publicHolidayDates('CO', 2025);
    expect(library).toEqual(expect.arrayContaining(official));
    // The only extra the library lists is Easter Sunday, closed anyway.
    expect(library.filter((d) => !official.includes(d))).toEqual(['2025-04-20']);
  });

  it('skips a Monday holiday after a Sunday (San José, Monday 24 March 2025)', () => {
    expect(next('CO', '2025-03-23T19:00:00Z')).toBe('2025-03-25T12:00:00.000Z');
    const block = timeBlock(marketingTo('CO', '2025-03-24T15:00:00Z'));
    expect(block?.code).toBe('public-holiday');
    expect(block?.message).toContain('Tuesday, 25 March 2025 at 07:00');
  });

  it('skips a chain of holidays and lands on the Saturday window (Holy Week 2025)', () => {
    // Wednesday 16 April 19:30, then Maundy Thursday 17 and Good Friday 18 (holidays): Saturday 19 at 08:00.
    expect(next('CO', '2025-04-17T00:30:00Z')).toBe('2025-04-19T13:00:00.000Z');
    expect(next('CO', '2025-04-17T15:00:00Z')).toBe('2025-04-19T13:00:00.000Z');
  });

  it('skips Saturday-after-hours, Sunday and a Monday holiday in one wait', () => {
    // Saturday 15 November 2025 16:00 -> Sunday -> Monday 17 (Independencia de Cartagena) -> Tuesday.
    expect(next('CO', '2025-11-15T21:00:00Z')).toBe('2025-11-18T12:00:00.000Z');
    // Sunday 29 June -> Monday 30 June (two holidays on one day) -> Tuesday 1 July.
    expect(next('CO', '2025-06-29T15:00:00Z')).toBe('2025-07-01T12:00:00.000Z');
  });

  it('uses the holiday calendar it is given', () => {
    const everyWednesday: HolidayCalendar = {
      isPublicHoliday: (_c, d) => new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() === 3,
    };
    const r = checkSendingRules(
      {
        text: 'Oferta. Responde BAJA',
        countryIso: 'CO',
        sendAt: new Date('2025-10-15T15:00:00Z'),
        marketing: true,
        consent: true,
      },
      { holidays: everyWednesday },
    );
    expect(r.nextAllowedAt?.toISOString()).toBe('2025-10-16T12:00:00.000Z');
    expect(nextSendingTime('CO', new Date('2025-10-15T15:00:00Z'), everyWednesday)).toEqual(
      r.nextAllowedAt,
    );
  });
});

describe('a holiday calendar from plain date lists (for bundles without the library)', () => {
  it('gives the same answers as the library for Colombia', () => {
    const lists = calendarFromDates({ co: publicHolidayDates('CO', 2025) });
    const input = {
      text: 'Oferta. Responde BAJA',
      countryIso: 'CO',
      sendAt: new Date('2025-11-15T21:00:00Z'),
      marketing: true,
      consent: true,
    };
    expect(checkRules(input, lists)).toEqual(checkSendingRules(input));
    expect(checkRules(input, lists).nextAllowedAt?.toISOString()).toBe('2025-11-18T12:00:00.000Z');
  });
});

describe('nextSendingTime', () => {
  it('returns the same instant for countries without time rules', () => {
    const at = new Date('2026-11-22T03:00:00Z');
    expect(nextSendingTime('ES', at)).toBe(at);
    expect(nextSendingTime('fr', at).toISOString()).toBe('2026-11-23T07:00:00.000Z');
  });
});
