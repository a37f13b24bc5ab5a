import { normalizePhone } from '../phone';

/** What separates numbers in a pasted column or list: lines, commas, semicolons, tabs, bars. */
const SEPARATORS = /[\r\n,;\t|]+/;

/** A run of digits long enough to be a whole number on its own (the shortest E.164 numbers have 7). */
const WHOLE_NUMBER = /\d{7,}/;

/**
 * Splits pasted text into the numbers a person meant: one per line, or
 * separated by commas, semicolons, tabs or bars. Spaces inside a number
 * ("+34 666 555 444") are kept, because people write numbers so; a chunk that
 * is not one number but several space-separated whole numbers
 * ("666555444 611222333") is split at its spaces. Nothing is dropped: every
 * non-blank piece comes back, valid or not, so the person sees what was wrong.
 */
export function splitNumberList(text: string, defaultCountry?: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(SEPARATORS)) {
    const piece = raw.trim();
    if (piece === '') continue;
    out.push(...splitAtSpaces(piece, defaultCountry));
  }
  return out;
}

function splitAtSpaces(piece: string, defaultCountry?: string): string[] {
  const words = piece.split(/\s+/);
  if (words.length < 2) return [piece];
  const options = defaultCountry ? { defaultCountry } : {};
  if (normalizePhone(piece, options).ok) return [piece];
  // Only when every word is a whole number by itself: "+34 666" must stay one (invalid) entry.
  if (!words.every((w) => WHOLE_NUMBER.test(w))) return [piece];
  return words;
}

/** True when typed text looks like it holds several numbers (a paste), not one being typed. */
export function looksLikeNumberList(text: string): boolean {
  return SEPARATORS.test(text.trim());
}
