import type { ProviderErrorKind, ProviderFailure } from '../../../shared/domain/provider-error';

export type { ProviderErrorKind };

export interface ProviderErrorInit {
  code: number | string;
  httpStatus: number | null;
  message: string;
  kind: ProviderErrorKind;
  retryAfterMs?: number;
  /** The provider's own text (e.g. 360nrs `error.description`), for logs and details. */
  providerText?: string;
}

/**
 * The one error type every adapter throws. `message` is a sentence a person
 * can read; it never contains a secret (the HTTP client redacts them).
 */
export class ProviderError extends Error {
  readonly code: number | string;
  readonly httpStatus: number | null;
  readonly kind: ProviderErrorKind;
  readonly retryAfterMs?: number;
  readonly providerText?: string;

  constructor(init: ProviderErrorInit) {
    super(init.message);
    this.name = 'ProviderError';
    this.code = init.code;
    this.httpStatus = init.httpStatus;
    this.kind = init.kind;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.providerText !== undefined) this.providerText = init.providerText;
  }

  toFailure(): ProviderFailure {
    const f: ProviderFailure = {
      code: this.code,
      httpStatus: this.httpStatus,
      message: this.message,
      kind: this.kind,
    };
    if (this.retryAfterMs !== undefined) f.retryAfterMs = this.retryAfterMs;
    return f;
  }
}

export function isProviderError(e: unknown): e is ProviderError {
  return e instanceof ProviderError;
}

/** For capabilities an adapter does not have: asking is a programming error, not a retry. */
export function unsupported(provider: string, what: string): ProviderError {
  return new ProviderError({
    code: 'unsupported',
    httpStatus: null,
    kind: 'permanent',
    message: `The ${provider} provider cannot ${what}.`,
  });
}

/** A request the provider would refuse as it stands, caught before any network call. */
export function invalidRequest(message: string): ProviderError {
  return new ProviderError({ code: 'invalid', httpStatus: null, kind: 'permanent', message });
}
