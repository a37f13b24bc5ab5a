import { Agent, type Dispatcher } from 'undici';
import type { z } from 'zod';
import { ProviderError } from './errors';
import { parseSuccess } from './response';
import { describeTransportError } from './transport-errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpClientOptions {
  /** Account base URL; request paths are appended to its path (e.g. `http://h/nrs` + `/api/rest/sms`). */
  baseUrl: string;
  /** Egress address to bind (which local IP the provider sees). */
  localAddress?: string;
  connectTimeoutMs?: number;
  /** Longest wait for the response headers once the request is written. */
  headersTimeoutMs?: number;
  /** Longest silence between two chunks of the response body. */
  bodyTimeoutMs?: number;
  /** Longest a whole call may take, whatever the server trickles. */
  totalTimeoutMs?: number;
  maxResponseBytes?: number;
  /** Headers sent with every request (auth). */
  headers?: Record<string, string>;
  /** Strings that must never appear in an error message (password, token, encoded auth). */
  secrets?: string[];
  /** Name used in sentences, e.g. "360nrs". */
  providerName: string;
  /** Test seam. */
  dispatcher?: Dispatcher;
}

export interface HttpRequest {
  method: HttpMethod;
  path: string;
  query?: Record<string, string | number | readonly (string | number)[] | undefined>;
  json?: unknown;
  /** Whether repeating the call is harmless. Default: every method but POST. */
  idempotent?: boolean;
  signal?: AbortSignal;
  maxResponseBytes?: number;
  accept?: string;
  /** See CallOptions.whenWritten. */
  whenWritten?: (written: Promise<void>) => void;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** Whether the call may be repeated safely (carried for classification of the answer). */
  idempotent: boolean;
}

const DEFAULTS = {
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 30_000,
  bodyTimeoutMs: 30_000,
  totalTimeoutMs: 60_000,
  maxResponseBytes: 8 * 1024 * 1024,
};

/**
 * A small HTTP/1.1 client over undici's dispatcher API. It uses the
 * dispatcher's handler callbacks (not `request()`) because it must know
 * whether the request was fully written when a failure happens: that is
 * the line between "retry" and "outcome unknown" for a send.
 * It never follows redirects and never throws for 4xx/5xx (the adapter reads
 * the provider's error body); it throws ProviderError for everything else.
 */
export class HttpClient {
  private readonly opts: HttpClientOptions & typeof DEFAULTS;
  private readonly origin: string;
  private readonly prefix: string;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;

  constructor(options: HttpClientOptions) {
    this.opts = { ...DEFAULTS, ...options };
    const url = new URL(options.baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`Unsupported base URL protocol ${url.protocol}`);
    }
    this.origin = url.origin;
    this.prefix = url.pathname.replace(/\/+$/, '');
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher =
      options.dispatcher ??
      new Agent({
        connect: { timeout: this.opts.connectTimeoutMs },
        // Top-level, not under `connect`: undici passes the client's own
        // localAddress to net.connect after the connect options, overriding them.
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      });
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  /** Replaces every secret in `text` (also used by adapters for provider text). */
  redact(text: string): string {
    let out = text;
    for (const s of this.opts.secrets ?? []) {
      if (s.length >= 3) out = out.split(s).join('***');
    }
    return out;
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    const idempotent = req.idempotent ?? req.method !== 'POST';
    try {
      return await this.dispatch(req, idempotent);
    } catch (e) {
      if (e instanceof ProviderError) throw this.redactError(e);
      throw e;
    }
  }

  /** The same error with every secret removed from its texts. */
  redactError(e: ProviderError): ProviderError {
    const message = this.redact(e.message);
    const providerText = e.providerText === undefined ? undefined : this.redact(e.providerText);
    if (message === e.message && providerText === e.providerText) return e;
    return new ProviderError({
      code: e.code,
      httpStatus: e.httpStatus,
      kind: e.kind,
      message,
      ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}),
      ...(providerText !== undefined ? { providerText } : {}),
    });
  }

  /** Parses a 2xx JSON answer with `schema`; errors are redacted like every other. */
  parse<S extends z.ZodType>(res: HttpResponse, schema: S): z.infer<S> {
    try {
      return parseSuccess(res, schema, this.opts.providerName);
    } catch (e) {
      throw e instanceof ProviderError ? this.redactError(e) : e;
    }
  }

  private buildPath(req: HttpRequest): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(req.query ?? {})) {
      if (v === undefined) continue;
      if (Array.isArray(v)) for (const item of v) params.append(k, String(item));
      else params.append(k, String(v));
    }
    const qs = params.toString();
    return `${this.prefix}${req.path}${qs ? `?${qs}` : ''}`;
  }

  private dispatch(req: HttpRequest, idempotent: boolean): Promise<HttpResponse> {
    const maxBytes = req.maxResponseBytes ?? this.opts.maxResponseBytes;
    const headers: Record<string, string> = {
      accept: req.accept ?? 'application/json',
      ...this.opts.headers,
    };
    let body: string | undefined;
    if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers['content-type'] = 'application/json';
    }
    const name = this.opts.providerName;

    return new Promise<HttpResponse>((resolve, reject) => {
      let written = false;
      let settled = false;
      let status = 0;
      let resHeaders: Record<string, string> = {};
      const chunks: Buffer[] = [];
      let size = 0;
      let abortFn: ((err: Error) => void) | null = null;
      let stopReason: ProviderError | null = null;
      let deadline: ReturnType<typeof setTimeout> | undefined;
      let markWritten = () => {};
      req.whenWritten?.(
        new Promise<void>((resolve) => {
          markWritten = resolve;
        }),
      );

      const finish = (fn: () => void) => {
        markWritten();
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        req.signal?.removeEventListener('abort', onAbort);
        fn();
      };
      const stop = (reason: ProviderError) => {
        stopReason = reason;
        if (abortFn) abortFn(new Error(reason.message));
        else finish(() => reject(reason));
      };
      /** The error for giving up on our side: whether it matters depends on what was written. */
      const lost = (code: 'timeout' | 'aborted', transient: string, unknownClause: string) =>
        written && !idempotent
          ? new ProviderError({
              code: 'unknown-outcome',
              httpStatus: null,
              kind: 'unknown-outcome',
              message: `The request reached ${name} but ${unknownClause}, so whether it was carried out is unknown.`,
            })
          : new ProviderError({ code, httpStatus: null, kind: 'transient', message: transient });
      const cancelled = () =>
        lost(
          'aborted',
          `The call to ${name} was cancelled; it can be tried again.`,
          'the call was cancelled before the answer arrived',
        );

      const onAbort = () => stop(cancelled());
      if (req.signal?.aborted) {
        finish(() => reject(cancelled()));
        return;
      }
      req.signal?.addEventListener('abort', onAbort, { once: true });
      const ms = this.opts.totalTimeoutMs;
      const limit = ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
      deadline = setTimeout(
        () =>
          stop(
            lost(
              'timeout',
              `${name} did not answer within ${limit}; it will be tried again.`,
              `it did not answer within ${limit}`,
            ),
          ),
        this.opts.totalTimeoutMs,
      );

      const handler: Dispatcher.DispatchHandler & { onRequestSent(): void } = {
        onConnect: (abort) => {
          abortFn = abort;
          if (stopReason) abort(new Error(stopReason.message));
        },
        onRequestSent: () => {
          written = true;
          markWritten();
        },
        onHeaders: (statusCode, rawHeaders) => {
          status = statusCode;
          resHeaders = headersToRecord(rawHeaders);
          const declared = Number(resHeaders['content-length']);
          if (Number.isFinite(declared) && declared > maxBytes) {
            stop(tooLarge(name, maxBytes, status, idempotent));
          }
          return true;
        },
        onData: (chunk) => {
          size += chunk.length;
          if (size > maxBytes) {
            stop(tooLarge(name, maxBytes, status, idempotent));
            return false;
          }
          chunks.push(chunk);
          return true;
        },
        onComplete: () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (status >= 300 && status < 400) {
            finish(() => reject(redirectError(name, status, resHeaders.location)));
            return;
          }
          finish(() => resolve({ status, headers: resHeaders, text, idempotent }));
        },
        onError: (err) => {
          if (stopReason) {
            const reason = stopReason;
            finish(() => reject(reason));
            return;
          }
          const described = describeTransportError(err, { name, written, idempotent });
          finish(() => reject(described));
        },
      };

      try {
        this.dispatcher.dispatch(
          {
            origin: this.origin,
            path: this.buildPath(req),
            method: req.method,
            headers,
            body: body ?? null,
            headersTimeout: this.opts.headersTimeoutMs,
            bodyTimeout: this.opts.bodyTimeoutMs,
          },
          handler,
        );
      } catch (err) {
        finish(() => reject(describeTransportError(err, { name, written: false, idempotent })));
      }
    });
  }
}

function headersToRecord(raw: Buffer[] | string[] | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!raw) return out;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const k = String(raw[i]).toLowerCase();
    const v = String(raw[i + 1]);
    out[k] = out[k] === undefined ? v : `${out[k]}, ${v}`;
  }
  return out;
}

function tooLarge(name: string, max: number, status: number, idempotent: boolean): ProviderError {
  const limit = `${Math.round(max / 1024)} KiB`;
  // A successful send whose answer we refuse to read is an answer lost, not a failure.
  if (!idempotent && status >= 200 && status < 300) {
    return new ProviderError({
      code: 'too-large',
      httpStatus: status,
      kind: 'unknown-outcome',
      message: `${name} accepted the request but its answer was larger than ${limit}, so which messages it took is unknown.`,
    });
  }
  return new ProviderError({
    code: 'too-large',
    httpStatus: status || null,
    kind: 'transient',
    message: `${name}'s answer was larger than ${limit} and was not read; it will be tried again.`,
  });
}

function redirectError(name: string, status: number, location: string | undefined): ProviderError {
  return new ProviderError({
    code: 'redirect',
    httpStatus: status,
    kind: 'account',
    message: location
      ? `${name} redirected the request to ${location}; check the account's base URL.`
      : `${name} answered with a redirect (HTTP ${status}) without a location; check the account's base URL.`,
  });
}
