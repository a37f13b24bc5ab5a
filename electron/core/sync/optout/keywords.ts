/**
 * Opt-out keywords. Rule (decided here, tested by property): a message is an
 * opt-out only when the WHOLE message is a keyword, compared after folding
 * case and accents and dropping every character that is not a letter or a
 * digit. So "Stop", " STOP!! ", "stop.", "¡Baja!", "Stop all" (= STOPALL) and
 * "S T O P" opt out, while "please stop", "stop sending me these" or
 * "don't stop" do not: a sentence that merely contains the word is a
 * conversation, and suppressing it would silence a customer by mistake.
 */
export const OPT_OUT_KEYWORDS: readonly string[] = [
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'BAJA',
];

/** Upper case, no accents, only letters and digits. */
export function foldForKeyword(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export interface OptOutMatcher {
  /** The keyword the message is, or null. */
  match(text: string): string | null;
}

/** `extra`: the account's own keywords (e.g. a provider's configured list). */
export function createOptOutMatcher(extra: readonly string[] = []): OptOutMatcher {
  const keywords = new Set(
    [...OPT_OUT_KEYWORDS, ...extra].map(foldForKeyword).filter((k) => k !== ''),
  );
  return {
    match(text) {
      const folded = foldForKeyword(text);
      return keywords.has(folded) ? folded : null;
    },
  };
}

const defaultMatcher = createOptOutMatcher();

export function isOptOut(text: string): boolean {
  return defaultMatcher.match(text) !== null;
}
