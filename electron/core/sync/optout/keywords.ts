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
  // English
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  // Spanish
  'BAJA',
  'DARDEBAJA',
  'PARAR',
  'DETENER',
  // Portuguese (CANCELAR is Spanish too)
  'SAIR',
  'PARE',
  'DESCADASTRAR',
  'CANCELAR',
  'REMOVER',
];

/**
 * Re-subscription keywords, same whole-message rule. They never lift a
 * suppression by themselves: the thread offers the person the button.
 */
export const OPT_IN_KEYWORDS: readonly string[] = [
  'START',
  'UNSTOP',
  'SUBSCRIBE',
  'ALTA',
  'DARDEALTA',
  'SUSCRIBIR',
  'ASSINAR',
  'VOLTAR',
  'INSCREVER',
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
  return createKeywordMatcher([...OPT_OUT_KEYWORDS, ...extra]);
}

function createKeywordMatcher(words: readonly string[]): OptOutMatcher {
  const keywords = new Set(words.map(foldForKeyword).filter((k) => k !== ''));
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

const optInMatcher = createKeywordMatcher(OPT_IN_KEYWORDS);

/** A reply asking to hear from the business again ("START", "Alta", "Voltar"). */
export function isOptIn(text: string): boolean {
  return optInMatcher.match(text) !== null;
}
