/**
 * The times a person gives a send: when it goes out (`--at`) and how long it
 * stays valid (`--valid-for 2h` / `--expires`). Pure, so the CLI, the IPC
 * handlers and the renderer read them the same way.
 */

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** 360nrs keeps a message at most this long; a longer validity is certainly a typo. */
export const MAX_VALIDITY_MS = 30 * UNIT_MS.d;

export type TimingResult = { ok: true; ms: number } | { ok: false; message: string };

/**
 * `90m`, `2h`, `3d`, or a sum such as `1d12h` → milliseconds. Minutes are the
 * smallest unit because the provider's dates have no finer meaning for a person.
 */
export function parseDuration(text: string): TimingResult {
  const compact = text.trim().toLowerCase().replace(/\s+/g, '');
  if (!/^(\d+[mhd])+$/.test(compact)) {
    return {
      ok: false,
      message: `"${text}" is not a duration: use a number and m, h or d, such as 90m, 2h or 3d.`,
    };
  }
  let ms = 0;
  for (const [, n, unit] of compact.matchAll(/(\d+)([mhd])/g)) {
    ms += Number(n) * UNIT_MS[unit as keyof typeof UNIT_MS];
  }
  if (ms <= 0) return { ok: false, message: `The duration "${text}" is zero.` };
  if (ms > MAX_VALIDITY_MS)
    return { ok: false, message: `The duration "${text}" is longer than 30 days.` };
  return { ok: true, ms };
}

/**
 * An ISO 8601 instant with a date and a time. A time without a zone is refused
 * rather than guessed: "09:00" means different moments on the laptop and at
 * the provider (which keeps UTC).
 */
export function parseInstant(text: string): TimingResult {
  const trimmed = text.trim();
  const shape = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
  if (!shape.test(trimmed)) {
    return {
      ok: false,
      message: `"${text}" is not an ISO 8601 date and time with a zone, such as 2026-12-01T14:30:00Z or 2026-12-01T15:30+01:00.`,
    };
  }
  const ms = Date.parse(trimmed.replace(' ', 'T'));
  if (Number.isNaN(ms) || !realFields(trimmed))
    return { ok: false, message: `"${text}" is not a real date and time.` };
  return { ok: true, ms };
}

/**
 * The validity of a send, from either a duration (counted from when it goes
 * out: the scheduled time, or now) or an end instant. Both together is a mistake.
 */
export function validUntil(input: {
  validFor?: string | undefined;
  expires?: string | undefined;
  sendAt: number | null;
  now: number;
}): TimingResult | { ok: true; ms: null } {
  if (input.validFor !== undefined && input.expires !== undefined) {
    return {
      ok: false,
      message: 'Give either a validity (--valid-for) or an end (--expires), not both.',
    };
  }
  const start = Math.max(input.sendAt ?? input.now, input.now);
  let end: number;
  if (input.validFor !== undefined) {
    const d = parseDuration(input.validFor);
    if (!d.ok) return d;
    end = start + d.ms;
  } else if (input.expires !== undefined) {
    const t = parseInstant(input.expires);
    if (!t.ok) return t;
    end = t.ms;
  } else {
    return { ok: true, ms: null };
  }
  if (end <= start) {
    return {
      ok: false,
      message: `The message would expire (${new Date(end).toISOString()}) before it goes out (${new Date(start).toISOString()}).`,
    };
  }
  return { ok: true, ms: end };
}

/** Date.parse rolls 30 February over into March; a person who wrote it made a mistake. */
function realFields(text: string): boolean {
  const [y, mo, d, h, mi, sec = 0] = (text.match(/\d+/g) ?? []).map(Number) as number[];
  if (y === undefined || mo === undefined || d === undefined || h === undefined || mi === undefined)
    return false;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth && h <= 23 && mi <= 59 && sec <= 59;
}
