/**
 * Something to tell the person: either one of the renderer's own catalog keys
 * (with its parameters) or a sentence from the core, translated where it is
 * shown (i18n/core-sentences.ts). Stores keep this, never finished text, so a
 * language change re-renders it in the new language.
 */
export type Problem =
  | { key: string; params?: Record<string, string | number> }
  | { sentence: string };

export function problemFrom(error: unknown): Problem {
  return { sentence: error instanceof Error ? error.message : String(error) };
}
