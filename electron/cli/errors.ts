/** Exit codes of the CLI contract (DESIGN.md): 0 success, 1 failure, 2 bad usage. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** The command was called wrongly (missing option, bad value, unreadable input format). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** One clear sentence for stderr: first line only, ending with a full stop. */
export function oneSentence(error: unknown): string {
  const text =
    (error instanceof Error ? error.message : String(error)).split('\n')[0]?.trim() ?? '';
  const sentence = text || 'Something went wrong.';
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
