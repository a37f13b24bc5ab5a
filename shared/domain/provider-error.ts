/**
 * How a provider failure affects what happens next (DESIGN.md, outbox semantics):
 * - `permanent`: this message can never succeed as it is; fail it.
 * - `account`: nothing on this account can succeed until a person acts; pause the queue.
 * - `sender`: nothing from this sender can succeed until a person acts (360nrs 115,
 *   sender not verified); fail that sender's due messages, other senders keep sending.
 * - `transient`: try again later (with backoff, honouring Retry-After).
 * - `unknown-outcome`: the request was written and the answer lost; never resend blindly.
 */
export type ProviderErrorKind =
  | 'permanent'
  | 'account'
  | 'sender'
  | 'transient'
  | 'unknown-outcome';

/** A failure as the domain keeps it (also the per-recipient error of a 207). */
export interface ProviderFailure {
  /** The provider's code (360nrs table code, HTTP status, or one of ours such as 'network'). */
  code: number | string;
  httpStatus: number | null;
  /** One human sentence; never contains a secret. */
  message: string;
  kind: ProviderErrorKind;
  retryAfterMs?: number;
}
