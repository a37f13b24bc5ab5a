/** What separates numbers in a pasted column or list: lines, commas, semicolons, tabs, bars. */
const SEPARATORS = /[\r\n,;\t|]+/;

/** A word that is a whole number on its own: digits (7 or more, the shortest E.164 length), maybe a leading +. */
const WHOLE_NUMBER = /^\+?\d{7,}$/;

/**
 * Splits pasted text into the numbers a person meant: one per line, or
 * separated by commas, semicolons, tabs or bars. Spaces inside a number
 * ("+34 666 555 444") are kept, because people write numbers so; a chunk
 * made only of whole numbers separated by spaces ("666555444 611222333") is
 * split at its spaces. Nothing is dropped: every non-blank piece comes back,
 * valid or not, so the person sees what was wrong. (No phone metadata here:
 * the renderer's bundle stays small; the core checks each entry.)
 */
export function splitNumberList(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(SEPARATORS)) {
    const piece = raw.trim();
    if (piece === '') continue;
    const words = piece.split(/\s+/);
    if (words.length > 1 && words.every((w) => WHOLE_NUMBER.test(w))) out.push(...words);
    else out.push(piece);
  }
  return out;
}

/** True when typed text holds several entries (a paste), not one number being typed. */
export function looksLikeNumberList(text: string): boolean {
  return SEPARATORS.test(text.trim()) || splitNumberList(text).length > 1;
}
