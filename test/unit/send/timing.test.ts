import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  displayState,
  type StateFacts,
  scheduleSentence,
} from '../../../shared/domain/message-state';
import { parseDuration, parseInstant, validUntil } from '../../../shared/send/timing';

const T = Date.parse('2026-12-01T12:00:00Z');

describe('--valid-for durations', () => {
  it('reads minutes, hours, days and sums of them', () => {
    expect(parseDuration('90m')).toEqual({ ok: true, ms: 90 * 60_000 });
    expect(parseDuration('2h')).toEqual({ ok: true, ms: 7_200_000 });
    expect(parseDuration('3d')).toEqual({ ok: true, ms: 3 * 86_400_000 });
    expect(parseDuration(' 1d 12H ')).toEqual({ ok: true, ms: 36 * 3_600_000 });
  });

  it('refuses what is not a duration, zero, and more than 30 days, saying why', () => {
    for (const bad of ['', '2', 'h', '2 hours', '1.5h', '-2h', '2s'])
      expect(parseDuration(bad)).toMatchObject({
        ok: false,
        message: expect.stringMatching(/not a duration/),
      });
    expect(parseDuration('0h')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/zero/),
    });
    expect(parseDuration('31d')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/30 days/),
    });
  });

  it('adds up any sum of parts the way it is written', () => {
    const part = fc.record({
      n: fc.integer({ min: 0, max: 200 }),
      unit: fc.constantFrom('m', 'h', 'd'),
    });
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), (parts) => {
        const ms = parts.reduce(
          (sum, p) => sum + p.n * { m: 60_000, h: 3_600_000, d: 86_400_000 }[p.unit as 'm'],
          0,
        );
        const r = parseDuration(parts.map((p) => `${p.n}${p.unit}`).join(''));
        if (ms === 0 || ms > 30 * 86_400_000) return !r.ok;
        return r.ok && r.ms === ms;
      }),
    );
  });
});

describe('--at and --expires instants', () => {
  it('takes ISO 8601 with a zone, and refuses a time without one rather than guessing', () => {
    expect(parseInstant('2026-12-01T14:30:00Z')).toEqual({
      ok: true,
      ms: Date.parse('2026-12-01T14:30:00Z'),
    });
    expect(parseInstant('2026-12-01T15:30+01:00')).toEqual({
      ok: true,
      ms: Date.parse('2026-12-01T14:30:00Z'),
    });
    expect(parseInstant('2026-12-01T14:30:00')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/with a zone/),
    });
    expect(parseInstant('tomorrow')).toMatchObject({ ok: false });
    expect(parseInstant('2026-02-30T10:00:00Z')).toMatchObject({ ok: false });
  });
});

describe('validity of a send', () => {
  it('counts --valid-for from when it goes out: the scheduled time, or now', () => {
    expect(validUntil({ validFor: '2h', sendAt: null, now: T })).toEqual({
      ok: true,
      ms: T + 7_200_000,
    });
    expect(validUntil({ validFor: '2h', sendAt: T + 3_600_000, now: T })).toEqual({
      ok: true,
      ms: T + 3 * 3_600_000,
    });
  });

  it('refuses both at once, and an end before the message goes out', () => {
    expect(
      validUntil({ validFor: '2h', expires: '2026-12-02T00:00:00Z', sendAt: null, now: T }),
    ).toMatchObject({ ok: false });
    expect(
      validUntil({ expires: '2026-12-01T13:00:00Z', sendAt: T + 2 * 3_600_000, now: T }),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/before it goes out/),
    });
    expect(validUntil({ sendAt: null, now: T })).toEqual({ ok: true, ms: null });
  });
});

describe('the states a person sees', () => {
  const facts = (over: Partial<StateFacts>): StateFacts => ({
    state: 'queued',
    errorCode: null,
    scheduledFor: null,
    scheduleMode: null,
    ...over,
  });

  it('refines stored states by schedule and expiry', () => {
    expect(displayState(facts({ scheduledFor: T + 1, scheduleMode: 'local' }), T)).toBe(
      'scheduled',
    );
    expect(displayState(facts({ scheduledFor: T, scheduleMode: 'local' }), T)).toBe('queued');
    expect(
      displayState(facts({ state: 'accepted', scheduledFor: T + 1, scheduleMode: 'provider' }), T),
    ).toBe('scheduled-at-provider');
    expect(
      displayState(facts({ state: 'accepted', scheduledFor: T - 1, scheduleMode: 'provider' }), T),
    ).toBe('accepted');
    expect(displayState(facts({ state: 'failed', errorCode: 'EXPIRED' }), T)).toBe('expired');
    expect(displayState(facts({ state: 'failed', errorCode: 'UNDELIV' }), T)).toBe('failed');
  });

  it('says where a schedule waits, and that a local one needs this computer on', () => {
    expect(scheduleSentence('provider', T)).toMatch(
      /^Scheduled at the provider for 2026-12-01T12:00:00Z/,
    );
    expect(scheduleSentence('local', T)).toMatch(
      /this computer must be on, online and running Outpost/,
    );
  });
});
