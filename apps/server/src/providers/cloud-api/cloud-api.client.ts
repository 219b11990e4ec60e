import type { Dispatcher } from 'undici';
import type { ChannelContext } from '../messaging-provider.js';
import { ProviderError, ProviderErrorCode } from '../provider-error.js';
import { transportError } from './cloud-api-transport-error.js';
import { callGraphJson, defaultGraphDispatcher, MAX_GRAPH_ANSWER_BYTES, type GraphAnswer } from './graph-json-call.js';
import { parseCloudApiError } from './parse-cloud-api-error.js';

/** @defaultValue 15 s: long enough for a slow Graph answer, short enough to keep a worker moving. */
export const DEFAULT_CLOUD_API_TIMEOUT_MS = 15_000;

export type CloudApiClientOptions = {
  /** Per-call timeout, from connect to the last byte of the answer. @defaultValue {@link DEFAULT_CLOUD_API_TIMEOUT_MS} */
  timeoutMs?: number;
  /**
   * Carries the JSON calls (undici `request()`); the composition root passes the Agent it closes on
   * shutdown, tests a MockAgent or their own Agent. @defaultValue {@link defaultGraphDispatcher}
   */
  dispatcher?: Dispatcher;
  /** Carries multipart uploads and media downloads (off the hot path); injected for tests. @defaultValue globalThis.fetch */
  fetch?: typeof fetch;
};

export type CloudApiRequest = {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path after the version, e.g. `/123/messages`. Build it with {@link graphPath}. */
  path: string;
  query?: Record<string, string>;
  /** JSON body (sent with `Content-Type: application/json`). */
  json?: unknown;
  /** Multipart body, sent with fetch, which sets the boundary header itself. */
  form?: FormData;
  /**
   * Repeating the call is harmless (a read, a mark-read, an upload whose orphan expires), so an
   * ambiguous transport failure is TEMPORARY rather than OUTCOME_UNKNOWN.
   * @defaultValue true for GET/DELETE, false for POST
   */
  retrySafe?: boolean;
  timeoutMs?: number;
  /** Cap on the JSON answer; a larger one is a ProviderError. @defaultValue {@link MAX_GRAPH_ANSWER_BYTES} (1 MiB) */
  maxAnswerBytes?: number;
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
  const dispatcher = options.dispatcher ?? defaultGraphDispatcher();
  const defaultTimeout = options.timeoutMs ?? DEFAULT_CLOUD_API_TIMEOUT_MS;
  const auth = { authorization: `Bearer ${ctx.accessToken}` };
  const jsonHeaders = { ...auth, 'content-type': 'application/json' };

  async function request<T>(req: CloudApiRequest): Promise<T> {
    const retrySafe = req.retrySafe ?? req.method !== 'POST';
    const timeoutMs = req.timeoutMs ?? defaultTimeout;
    const maxBytes = req.maxAnswerBytes ?? MAX_GRAPH_ANSWER_BYTES;
    const url = graphUrl(ctx, req.path, req.query);
    // Serialised outside the try: a body that cannot be serialised is our bug, not a transport failure.
    const json = req.json === undefined ? undefined : JSON.stringify(req.json);
    let answer: GraphAnswer;
    try {
      answer = req.form === undefined
        ? await callGraphJson(dispatcher, url, { method: req.method, headers: json === undefined ? auth : jsonHeaders, body: json, timeoutMs, maxBytes })
        : await postForm(url, req.form, timeoutMs);
    } catch (error) {
      throw transportError(error, retrySafe);
    }
    return readAnswer<T>(answer, { retrySafe, maxBytes });
  }

  async function postForm(url: URL, form: FormData, timeoutMs: number): Promise<GraphAnswer> {
    const response = await doFetch(url, {
      method: 'POST', headers: { ...auth }, body: form, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), text: await response.text() };
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

function readAnswer<T>(answer: GraphAnswer, { retrySafe, maxBytes }: { retrySafe: boolean; maxBytes: number }): T {
  const { status, retryAfter, text } = answer;
  const ok = status >= 200 && status < 300;
  if (text === undefined) {
    // Over the cap: no Graph answer to this call is that large. The status still says whether Meta accepted.
    const message = `Cloud API answered HTTP ${status} with a body over ${maxBytes} bytes (not read)`;
    if (!ok) throw parseCloudApiError({ httpStatus: status, body: message, retryAfter });
    throw new ProviderError({ code: retrySafe ? ProviderErrorCode.TEMPORARY : ProviderErrorCode.OUTCOME_UNKNOWN, message });
  }
  const body = parseJson(text);
  if (!ok) throw parseCloudApiError({ httpStatus: status, body, retryAfter });
  if (body === undefined || typeof body === 'string') {
    // 2xx means Meta accepted the call, but without a readable answer we do not know the result.
    throw new ProviderError({
      code: retrySafe ? ProviderErrorCode.TEMPORARY : ProviderErrorCode.OUTCOME_UNKNOWN,
      message: `Cloud API answered HTTP ${status} without a JSON body`,
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
