import type { ChannelContext } from '../messaging-provider.js';
import { ProviderError, ProviderErrorCode } from '../provider-error.js';
import { parseCloudApiError } from './parse-cloud-api-error.js';

/** @defaultValue 15 s: long enough for a slow Graph answer, short enough to keep a worker moving. */
export const DEFAULT_CLOUD_API_TIMEOUT_MS = 15_000;

export type CloudApiClientOptions = {
  /** Per-call timeout (AbortSignal.timeout). @defaultValue {@link DEFAULT_CLOUD_API_TIMEOUT_MS} */
  timeoutMs?: number;
  /** Injected for tests. @defaultValue globalThis.fetch */
  fetch?: typeof fetch;
};

export type CloudApiRequest = {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path after the version, e.g. `/123/messages`. Build it with {@link graphPath}. */
  path: string;
  query?: Record<string, string>;
  /** JSON body (sent with `Content-Type: application/json`). */
  json?: unknown;
  /** Multipart body; fetch sets the boundary header itself. */
  form?: FormData;
  /**
   * Repeating the call is harmless (a read, a mark-read, an upload whose orphan expires), so an
   * ambiguous transport failure is TEMPORARY rather than OUTCOME_UNKNOWN.
   * @defaultValue true for GET/DELETE, false for POST
   */
  retrySafe?: boolean;
  timeoutMs?: number;
};

export type CloudApiClient = {
  /** Calls the Graph API and returns the parsed JSON answer. Throws `ProviderError`. */
  request<T = unknown>(req: CloudApiRequest): Promise<T>;
  /**
   * GETs an absolute URL (a media download URL) with the channel's bearer token. Redirects are not
   * followed: the caller re-checks every hop against its allow-list. Non-2xx is returned, not thrown.
   */
  fetchUrl(url: URL, opts?: { timeoutMs?: number }): Promise<Response>;
};

/** Joins encoded path segments, so an id taken from a webhook cannot smuggle `/` or `..`. */
export function graphPath(...segments: string[]): string {
  return segments.map((s) => `/${encodeURIComponent(s)}`).join('');
}

/** `{graphBaseUrl}/{graphApiVersion}{path}`: the host is per channel, never hard-coded (house rule 8). */
export function graphUrl(ctx: Pick<ChannelContext, 'graphBaseUrl' | 'graphApiVersion'>, path: string, query?: Record<string, string>): URL {
  const base = ctx.graphBaseUrl.replace(/\/+$/, '');
  const version = ctx.graphApiVersion === '' ? '' : `/${encodeURIComponent(ctx.graphApiVersion)}`;
  const url = new URL(`${base}${version}${path}`);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return url;
}

export function createCloudApiClient(ctx: ChannelContext, options: CloudApiClientOptions = {}): CloudApiClient {
  const doFetch = options.fetch ?? globalThis.fetch;
  const defaultTimeout = options.timeoutMs ?? DEFAULT_CLOUD_API_TIMEOUT_MS;
  const auth = { authorization: `Bearer ${ctx.accessToken}` };

  async function request<T>(req: CloudApiRequest): Promise<T> {
    const retrySafe = req.retrySafe ?? req.method !== 'POST';
    const init: RequestInit = {
      method: req.method,
      headers: req.json === undefined ? { ...auth } : { ...auth, 'content-type': 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(req.timeoutMs ?? defaultTimeout),
    };
    if (req.json !== undefined) init.body = JSON.stringify(req.json);
    else if (req.form !== undefined) init.body = req.form;
    let response: Response;
    let text: string;
    try {
      response = await doFetch(graphUrl(ctx, req.path, req.query), init);
      text = await response.text();
    } catch (error) {
      throw transportError(error, retrySafe);
    }
    return readAnswer<T>(response, text, retrySafe);
  }

  async function fetchUrl(url: URL, opts: { timeoutMs?: number } = {}): Promise<Response> {
    try {
      return await doFetch(url, {
        method: 'GET',
        headers: auth,
        redirect: 'manual',
        signal: AbortSignal.timeout(opts.timeoutMs ?? defaultTimeout),
      });
    } catch (error) {
      throw transportError(error, true);
    }
  }

  return { request, fetchUrl };
}

function readAnswer<T>(response: Response, text: string, retrySafe: boolean): T {
  const body = parseJson(text);
  if (!response.ok) {
    throw parseCloudApiError({ httpStatus: response.status, body, retryAfter: response.headers.get('retry-after') });
  }
  if (body === undefined || typeof body === 'string') {
    // 2xx means Meta accepted the call, but without a readable answer we do not know the result.
    throw new ProviderError({
      code: retrySafe ? ProviderErrorCode.TEMPORARY : ProviderErrorCode.OUTCOME_UNKNOWN,
      message: `Cloud API answered HTTP ${response.status} without a JSON body`,
      vendorDetails: text.slice(0, 200),
    });
  }
  return body as T;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Failures that happen before any byte of the request left us: the Graph API cannot have acted.
 * Node's fetch (undici) wraps them as `TypeError('fetch failed')` with the system error as `cause`.
 */
const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * Maps a thrown fetch error. The Cloud API has no idempotency key (RELIABILITY.md §3.2): after a
 * timeout or a reset once the request was written, Meta may or may not have accepted the message,
 * and resending could deliver it twice. So that case is OUTCOME_UNKNOWN and the caller reconciles it
 * from the status webhook carrying our `biz_opaque_callback_data`. A timeout cannot tell "still
 * connecting" from "sent, waiting for the answer", so it is treated as the ambiguous case too.
 */
export function transportError(error: unknown, retrySafe: boolean): ProviderError {
  const code = systemErrorCode(error);
  const timedOut = isTimeout(error);
  const notSent = code !== undefined && NOT_SENT_CODES.has(code);
  const what = timedOut ? 'timed out' : `failed (${code ?? describe(error)})`;
  if (notSent || retrySafe) {
    return new ProviderError({ code: ProviderErrorCode.TEMPORARY, message: `Cloud API request ${what}`, cause: error });
  }
  return new ProviderError({
    code: ProviderErrorCode.OUTCOME_UNKNOWN,
    message: `Cloud API request ${what} after it may have been sent; reconcile, do not resend`,
    cause: error,
  });
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** The first `code` along the cause chain (undici nests the socket error, sometimes in an AggregateError). */
function systemErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, errors, cause } = current as { code?: unknown; errors?: unknown; cause?: unknown };
    if (typeof code === 'string') return code;
    current = cause ?? (Array.isArray(errors) ? errors[0] : undefined);
  }
  return undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
