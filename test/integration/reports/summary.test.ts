import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount } from '../../../electron/core/accounts/repository';
import type { Db } from '../../../electron/core/db/connection';
import { openAppDatabase } from '../../../electron/core/db/database';
import { keepPrices } from '../../../electron/core/reports/prices';
import { reportSummary } from '../../../electron/core/reports/summary';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let db: Db;
let accountId: number;

beforeEach(() => {
  dir = tempDir('outpost-reports-');
  db = openAppDatabase(dir.path);
  accountId = addAccount(db, {
    name: 'Shop',
    provider: 'nrs',
    baseUrl: 'http://127.0.0.1:9/nrs',
    username: 'u',
    secretRef: 'env:UNUSED',
  }).id;
});
afterEach(() => {
  db.close();
  dir.remove();
});

interface Seeded {
  at: string;
  state?: 'queued' | 'accepted' | 'delivered' | 'failed' | 'unknown' | 'cancelled';
  to?: string;
  from?: string;
  parts?: number | null;
  segments?: number;
  /** The provider took it (a failed row without one was refused, not charged). */
  providerId?: string | null;
  scheduledAtProvider?: string;
  account?: number;
}

/** A message row as the outbox leaves it once handed over at `at`. */
function seed(m: Seeded): void {
  const at = Date.parse(m.at);
  const state = m.state ?? 'delivered';
  db.prepare(
    `INSERT INTO messages (account_id, recipient, sender, template, body, encoding, segments,
       max_parts, state, not_before, give_up_at, created_at, updated_at, dispatched_at, parts,
       provider_message_id, scheduled_for, schedule_mode)
     VALUES (@account, @to, @from, 'Hi', 'Hi', 'gsm', @segments, 3, @state, @at, @at, @at, @at,
       @dispatched, @parts, @providerId, @scheduled, @mode)`,
  ).run({
    account: m.account ?? accountId,
    to: m.to ?? '34600111222',
    from: m.from ?? 'SHOP',
    segments: m.segments ?? 1,
    state,
    at,
    dispatched: state === 'queued' ? null : at,
    parts: m.parts === undefined ? (state === 'failed' ? null : (m.segments ?? 1)) : m.parts,
    providerId: m.providerId === undefined ? (state === 'failed' ? null : 'G') : m.providerId,
    scheduled: m.scheduledAtProvider ? Date.parse(m.scheduledAtProvider) : null,
    mode: m.scheduledAtProvider ? 'provider' : null,
  });
}

const summary = (over: Partial<Parameters<typeof reportSummary>[1]> = {}) =>
  reportSummary(db, {
    accountId,
    days: 7,
    bucket: 'day',
    timeZone: 'Europe/Madrid',
    now: Date.parse('2026-10-28T12:00:00Z'),
    ...over,
  });

const sentByDay = (s: ReturnType<typeof summary>) =>
  Object.fromEntries(s.series.filter((b) => b.sent > 0).map((b) => [b.start, b.sent]));

describe('reports: day and week buckets follow the chosen zone', () => {
  it('puts a send in the local day it went out, across the autumn clock change', () => {
    // Madrid leaves summer time on Sunday 2026-10-25 at 03:00 CEST (01:00 UTC).
    seed({ at: '2026-10-24T22:30:00Z' }); // 00:30 CEST on the 25th (still the 24th in UTC)
    seed({ at: '2026-10-25T22:30:00Z' }); // 23:30 CET on the 25th
    seed({ at: '2026-10-25T23:30:00Z' }); // 00:30 CET on the 26th
    seed({ at: '2026-10-25T00:30:00Z' }); // 02:30 CEST, the first of the two 02:30s
    seed({ at: '2026-10-25T01:30:00Z' }); // 02:30 CET, the second one: same day
    const madrid = summary();
    expect(madrid.from).toBe('2026-10-22');
    expect(madrid.to).toBe('2026-10-28');
    expect(madrid.series.map((b) => b.start)).toEqual([
      '2026-10-22',
      '2026-10-23',
      '2026-10-24',
      '2026-10-25',
      '2026-10-26',
      '2026-10-27',
      '2026-10-28',
    ]);
    expect(sentByDay(madrid)).toEqual({ '2026-10-25': 4, '2026-10-26': 1 });

    // The same sends seen from New York (still on summer time, UTC-4) and Kolkata (UTC+5:30).
    expect(sentByDay(summary({ timeZone: 'America/New_York' }))).toEqual({
      '2026-10-24': 3,
      '2026-10-25': 2,
    });
    // Kolkata is 05:30 ahead: 22:30 UTC is already 04:00 the next day.
    expect(sentByDay(summary({ timeZone: 'Asia/Kolkata' }))).toEqual({
      '2026-10-25': 3,
      '2026-10-26': 2,
    });
  });

  it('puts a send in the local day it went out, across the spring clock change', () => {
    // New York skips 02:00-03:00 on Sunday 2026-03-08 (07:00 UTC).
    const now = Date.parse('2026-03-10T15:00:00Z');
    seed({ at: '2026-03-08T04:59:00Z' }); // 23:59 EST on the 7th
    seed({ at: '2026-03-08T05:00:00Z' }); // 00:00 EST on the 8th
    seed({ at: '2026-03-09T03:59:00Z' }); // 23:59 EDT on the 8th (a 23-hour day)
    seed({ at: '2026-03-09T04:00:00Z' }); // 00:00 EDT on the 9th
    expect(sentByDay(summary({ timeZone: 'America/New_York', now }))).toEqual({
      '2026-03-07': 1,
      '2026-03-08': 2,
      '2026-03-09': 1,
    });
  });

  it('starts weeks on Monday, the first one at the range start', () => {
    // 30 days up to Wednesday 2026-10-28 (Madrid): from Tuesday 2026-09-29.
    seed({ at: '2026-09-28T21:59:00Z' }); // 23:59 Monday the 28th: before the range
    seed({ at: '2026-09-28T22:00:00Z' }); // 00:00 Tuesday the 29th: the range's first minute
    seed({ at: '2026-10-04T21:30:00Z' }); // 23:30 Sunday 4 October: still the first week
    seed({ at: '2026-10-04T22:30:00Z' }); // 00:30 Monday 5 October: the second week
    seed({ at: '2026-10-26T08:00:00Z' }); // Monday 26 October, after the clock change
    const weeks = summary({ days: 30, bucket: 'week' });
    expect(weeks.from).toBe('2026-09-29');
    expect(weeks.series.map((b) => [b.start, b.sent])).toEqual([
      ['2026-09-29', 2],
      ['2026-10-05', 1],
      ['2026-10-12', 0],
      ['2026-10-19', 0],
      ['2026-10-26', 1],
    ]);
    expect(weeks.totals.sent).toBe(4);
  });
});

describe('reports: what counts', () => {
  it('counts sends by outcome; the rate is delivered over delivered and failed', () => {
    const at = '2026-10-27T10:00:00Z';
    for (let i = 0; i < 6; i++) seed({ at, state: 'delivered' });
    seed({ at, state: 'failed', providerId: 'G9' }); // undelivered after the provider took it
    seed({ at, state: 'failed' }); // refused by the provider (e.g. 102): handed over, not taken
    seed({ at, state: 'accepted' }); // no delivery report yet
    seed({ at, state: 'unknown' });
    seed({ at, state: 'queued' }); // never handed over: not a send
    seed({ at, state: 'cancelled' });
    seed({ at, state: 'delivered', account: addOtherAccount() }); // another account's
    const s = summary();
    expect(s.totals).toMatchObject({ sent: 10, delivered: 6, failed: 2, waiting: 1, unknown: 1 });
  });

  it('counts a message the provider held at its scheduled time, and not before it has come', () => {
    seed({
      at: '2026-10-20T09:00:00Z',
      state: 'accepted',
      scheduledAtProvider: '2026-10-27T09:00:00Z',
    });
    seed({
      at: '2026-10-27T09:00:00Z',
      state: 'accepted',
      scheduledAtProvider: '2026-11-02T09:00:00Z',
    });
    const s = summary();
    expect(sentByDay(s)).toEqual({ '2026-10-27': 1 });
  });

  it('groups by country and by sender', () => {
    const at = '2026-10-27T10:00:00Z';
    seed({ at, to: '34600111222', from: 'SHOP' });
    seed({ at, to: '34600111223', from: 'SHOP', state: 'failed', providerId: 'G' });
    seed({ at, to: '351912345678', from: 'SHOP' });
    seed({ at, to: '14165550123', from: 'CLINIC' }); // Toronto: +1 but Canada
    seed({ at, to: '12125550123', from: 'CLINIC' }); // New York
    const s = summary();
    expect(s.byCountry.map((c) => [c.country, c.sent, c.delivered, c.failed])).toEqual([
      ['ES', 2, 1, 1],
      ['CA', 1, 1, 0],
      ['PT', 1, 1, 0],
      ['US', 1, 1, 0],
    ]);
    expect(s.bySender.map((c) => [c.sender, c.sent])).toEqual([
      ['SHOP', 3],
      ['CLINIC', 2],
    ]);
  });
});

describe('reports: spend in the account currency', () => {
  it('is unknown until a price list is kept', () => {
    seed({ at: '2026-10-27T10:00:00Z' });
    const s = summary();
    expect(s.prices).toBeNull();
    expect(s.totals.spend).toBeNull();
  });

  it('is parts the provider charged times its price per part, exactly', () => {
    keepPrices(
      db,
      accountId,
      [
        { countryIso: 'ES', countryName: 'Spain', currency: 'EUR', partMicros: 45_000 },
        { countryIso: 'PT', countryName: 'Portugal', currency: 'EUR', partMicros: 39_000 },
      ],
      Date.parse('2026-10-01T00:00:00Z'),
    );
    const day = '2026-10-27T10:00:00Z';
    seed({ at: day, to: '34600111222', segments: 3, parts: 3 }); // 3 × 0.045
    seed({ at: day, to: '34600111223', state: 'failed', providerId: 'G', parts: 2 }); // charged
    seed({ at: day, to: '34600111224', state: 'failed', segments: 2 }); // refused: not charged
    seed({ at: day, to: '351912345678', parts: 1 }); // 0.039
    seed({ at: day, to: '33612345678', parts: 1 }); // France: no price kept
    seed({ at: '2026-10-28T08:00:00Z', to: '34600111225', parts: 1 });
    const s = summary();
    expect(s.prices).toEqual({ currency: 'EUR', readAt: Date.parse('2026-10-01T00:00:00Z') });
    expect(s.totals.spend).toBe(0.309); // (3 + 2 + 1) × 0.045 + 0.039
    expect(s.totals.unpriced).toBe(1);
    expect(s.series.find((b) => b.start === '2026-10-27')?.spend).toBe(0.264);
    expect(s.series.find((b) => b.start === '2026-10-28')?.spend).toBe(0.045);
    expect(s.byCountry.find((c) => c.country === 'ES')?.spend).toBe(0.27);
    expect(s.byCountry.find((c) => c.country === 'FR')).toMatchObject({ spend: 0, unpriced: 1 });
  });

  it('refuses a zone that does not exist, naming it', () => {
    expect(() => summary({ timeZone: 'Mars/Olympus' })).toThrow(
      /"Mars\/Olympus" is not a time zone/,
    );
  });
});

function addOtherAccount(): number {
  return addAccount(db, {
    name: `Other ${Math.random()}`,
    provider: 'nrs',
    baseUrl: 'http://127.0.0.1:9/nrs',
    username: 'u',
    secretRef: 'env:UNUSED',
  }).id;
}
