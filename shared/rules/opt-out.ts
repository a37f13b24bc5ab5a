// How the text offers a way out. The provider's own unsubscribe link is the
// {UNSUB_URL} variable (seed line 282); otherwise an opt-out keyword. Keywords
// that are also ordinary words (STOP, BAJA, ARRET) count only in capitals, the
// convention for SMS keywords, so "don't stop now" is not an opt-out.
const UNSUB_VARIABLE = /\{UNSUB_URL\}/;
const CAPITAL_KEYWORDS = /(?:^|[^\p{L}])(?:STOP|BAJA|ARRET|ARRÊT|STOPSMS|UNSUBSCRIBE)(?![\p{L}])/u;
const PHRASES =
  /unsubscribe|opt[\s-]?out|darse de baja|dar(?:te|se)? de baja|desuscrib|d[ée]sabonne|d[ée]sinscri/i;

/** Whether the text contains an unsubscribe option of any recognised kind. */
export function hasUnsubscribeOption(text: string): boolean {
  return UNSUB_VARIABLE.test(text) || CAPITAL_KEYWORDS.test(text) || PHRASES.test(text);
}

/** Where the French "STOP au <code>" instruction is, if anywhere. */
export function frenchStopPosition(text: string): 'end' | 'elsewhere' | 'missing' {
  const all = /\bSTOP\s+(?:SMS\s+)?[aA][uU]\s+(?:\[STOP_CODE\]|\{[A-Z_]+\}|\d{3,8})/g;
  const matches = [...text.matchAll(all)];
  const last = matches.at(-1);
  if (!last) return 'missing';
  const after = text.slice((last.index ?? 0) + last[0].length);
  // Closing punctuation or whitespace may follow; any word means it is not last.
  return /^[\s.!)\]]*$/.test(after) ? 'end' : 'elsewhere';
}
