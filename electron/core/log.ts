/**
 * Where the core reports a problem it handled but a developer should see
 * (the main process's stderr; the packaged app's log). Never called with a
 * secret: callers pass their own sentence and the error.
 */
export function logProblem(what: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`Outpost: ${what}: ${detail}`);
}
