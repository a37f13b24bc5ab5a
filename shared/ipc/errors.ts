import { z } from 'zod';

/**
 * What crosses the IPC boundary when a handler fails. Electron flattens thrown
 * errors into one string, so failures travel as data and are re-thrown on the
 * calling side with their code intact.
 */
export const IpcErrorSchema = z.object({
  code: z.enum(['bad-request', 'unknown-channel', 'forbidden', 'failed']),
  message: z.string(),
  /** Where the payload was wrong, as a dotted path, when the error is a validation error. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type IpcError = z.infer<typeof IpcErrorSchema>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Thrown in the renderer (or any client) when a call comes back as a failure. */
export class OutpostCallError extends Error {
  readonly code: IpcError['code'];
  readonly issues: IpcError['issues'];

  constructor(channel: string, error: IpcError) {
    super(`${channel}: ${error.message}`);
    this.name = 'OutpostCallError';
    this.code = error.code;
    this.issues = error.issues;
  }
}
