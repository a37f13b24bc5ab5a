/**
 * A name or number put inside a sentence that is not JSX (an aria-label, a
 * toast), isolated with U+2068…U+2069 so a right-to-left name cannot reorder
 * the words around it. In JSX sentences, <bdi> does the same (via <Trans>).
 */
export function isolate(text: string | number): string {
  return `\u2068${text}\u2069`;
}
