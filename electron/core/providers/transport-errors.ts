import { ProviderError } from './errors';

interface Context {
  /** Provider name for sentences. */
  name: string;
  /** Whether the whole request had been written to the socket. */
  written: boolean;
  idempotent: boolean;
}

const NO_CONNECTION = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const TLS_TRUST = /^(CERT_|ERR_TLS_CERT|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT)/;

function errorCode(err: unknown): string {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  if (e && typeof e.code === 'string') return e.code;
  if (e?.cause && typeof e.cause.code === 'string') return e.cause.code;
  return 'unknown';
}

function connectSentence(code: string, name: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return `${name} refused the connection; it will be tried again.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${name}'s server name could not be resolved (no network or DNS); it will be tried again.`;
    case 'EADDRNOTAVAIL':
      return 'The local network address chosen for sending is not available on this computer; it will be tried again.';
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `Connecting to ${name} timed out; it will be tried again.`;
    default:
      return `${name} could not be reached (no network route); it will be tried again.`;
  }
}

function whatWentWrong(code: string): string {
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return 'did not answer in time';
  if (code === 'UND_ERR_BODY_TIMEOUT') return 'stopped sending its answer part-way';
  if (code.startsWith('HPE_')) return 'sent an answer that is not valid HTTP';
  return 'closed the connection before answering';
}

/**
 * Turns a network-level failure into a ProviderError. The rule that matters:
 * a failure before the request was fully written is `transient` (nothing
 * reached the provider); after it was written, a non-idempotent call (a send)
 * is `unknown-outcome` because the provider may have carried it out.
 */
export function describeTransportError(err: unknown, ctx: Context): ProviderError {
  const code = errorCode(err);
  if (NO_CONNECTION.has(code) && !ctx.written) {
    return new ProviderError({
      code: 'network',
      httpStatus: null,
      kind: 'transient',
      message: connectSentence(code, ctx.name),
      providerText: code,
    });
  }
  if (TLS_TRUST.test(code)) {
    return new ProviderError({
      code: 'tls',
      httpStatus: null,
      kind: 'account',
      message: `${ctx.name}'s security certificate is not trusted (${code}); check the account's base URL.`,
      providerText: code,
    });
  }
  const what = whatWentWrong(code);
  if (ctx.written && !ctx.idempotent) {
    return new ProviderError({
      code: 'unknown-outcome',
      httpStatus: null,
      kind: 'unknown-outcome',
      message: `The request reached ${ctx.name} but it ${what}, so whether it was carried out is unknown.`,
      providerText: code,
    });
  }
  return new ProviderError({
    code: code.includes('TIMEOUT') ? 'timeout' : 'network',
    httpStatus: null,
    kind: 'transient',
    message: `${ctx.name} ${what}; it will be tried again.`,
    providerText: code,
  });
}
