import { looksLikeNumberList } from '../../../../shared/compose/number-list';
import type { Language } from '../../i18n/languages';
import { countryName } from '../../lib/format';
import type { DraftChip, Recipient, Resolved } from './store';

/*
 * What the recipients field says and does with what is typed, without React
 * Aria: the first frame's stand-in (first-frame/RecipientsStandIn.tsx) and
 * the real field (components/RecipientsField.tsx) behave and read the same.
 * The keys name their namespace: the `t` passed in is Compose's, and the
 * translation check (scripts/i18n) reads a file's namespace from its own
 * useTranslation, which this file has none of.
 */

/** Number chips shown one by one; a longer paste is summed up in one expandable chip. */
export const SHOWN_NUMBERS = 12;

export type T = (key: string, options?: Record<string, unknown>) => string;

/** What a number chip's recipient is: fine (country, line type), a duplicate, invalid or suppressed. */
export interface ChipStatus {
  recipient: Recipient | null;
  duplicate: boolean;
}

/** Each chip's recipient, and which number chips repeat a number already there. */
export function chipStatuses(chips: readonly DraftChip[], audience: Resolved | null): ChipStatus[] {
  const byKey = new Map(audience?.recipients.map((r) => [r.key, r]) ?? []);
  const contactKeys = new Set(
    audience?.recipients.filter((r) => r.contactId !== null).map((r) => r.key) ?? [],
  );
  const seen = new Set<string>();
  let n = -1;
  return chips.map((c) => {
    if (c.kind !== 'number') return { recipient: null, duplicate: false };
    n++;
    const key = audience?.typed[n];
    if (key === undefined) return { recipient: null, duplicate: false };
    const duplicate = seen.has(key) || contactKeys.has(key);
    seen.add(key);
    return { recipient: byKey.get(key) ?? null, duplicate };
  });
}

/** Digits and a number's punctuation, no letters: a number, not a name being searched. */
export function isNumberText(text: string): boolean {
  return /\d/.test(text) && !/\p{L}/u.test(text);
}

/** Typing a separator after a number, or pasting a list: chips at once. */
export function isTypedList(value: string): boolean {
  return looksLikeNumberList(value) && /[\r\n,;\t|]/.test(value);
}

/** A pasted list, or one pasted number, becomes chips at once (a pasted name is searched). */
export function isPastedNumbers(text: string): boolean {
  return looksLikeNumberList(text) || isNumberText(text);
}

/** "Spain · mobile", or why the number cannot be used. */
export function numberFacts(r: Recipient, t: T, language: Language): string {
  if (r.e164 === null) return t('compose:recipients.invalid');
  const country = r.countryIso
    ? countryName(r.countryIso, language)
    : t('compose:recipients.nonGeographic');
  const line = t(`compose:lineTypes.${r.lineType ?? 'unknown'}`);
  if (r.problem) return t('compose:recipients.cannotSms', { country, line });
  return `${country} · ${line}`;
}

export function chipText(
  c: DraftChip,
  status: ChipStatus | undefined,
  t: T,
  language: Language,
): string {
  if (c.kind === 'contact') return c.label || t('compose:recipients.contact', { id: c.id });
  if (c.kind === 'book') return t('compose:recipients.book', { name: c.label, count: c.count });
  if (c.kind === 'tag') return t('compose:recipients.tag', { name: c.name, count: c.count });
  const r = status?.recipient;
  if (!r) return c.input;
  const shown = r.e164 ?? c.input;
  if (status?.duplicate) return t('compose:recipients.chipDuplicate', { number: shown });
  if (r.suppressed) return t('compose:recipients.chipSuppressed', { number: shown });
  if (r.problem)
    return t('compose:recipients.chipInvalid', {
      number: shown,
      facts: numberFacts(r, t, language),
    });
  return `${shown} · ${numberFacts(r, t, language)}`;
}

export function chipTone(c: DraftChip, status: ChipStatus | undefined): string {
  if (c.kind !== 'number') return 'chip-group';
  const r = status?.recipient;
  if (!r) return '';
  if (status?.duplicate) return 'chip-duplicate';
  if (r.problem) return 'chip-invalid';
  if (r.suppressed) return 'chip-suppressed';
  return '';
}
