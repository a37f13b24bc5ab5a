/**
 * What crosses the IPC boundary when a handler fails. Electron flattens thrown
 * errors into one string, so failures travel as data and are re-thrown on the
 * calling side with their code intact. A plain type, no schema: main builds
 * these itself, and the clients that read them (preload, web bridge) stay free
 * of zod.
 */
export interface IpcError {
  code: 'bad-request' | 'unknown-channel' | 'forbidden' | 'failed';
  message: string;
  /** Where the payload was wrong, as a dotted path, when the error is a validation error. */
  issues?: { path: string; message: string }[];
}

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
