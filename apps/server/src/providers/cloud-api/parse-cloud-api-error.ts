import { describeGraphError, type GraphErrorInfo, type GraphErrorKind } from '@valeo/cloud-api';
import { ProviderError, ProviderErrorCode } from '../provider-error.js';

/** A non-2xx Graph answer as the client saw it. Pure input: no Response object, no clock. */
export type CloudApiErrorResponse = {
  httpStatus: number;
  /** The parsed JSON body, or the raw text when it was not JSON, or undefined when empty. */
  body: unknown;
  /** The `Retry-After` header, if any (seconds or an HTTP date). */
  retryAfter?: string | null;
  /** Only used to resolve an HTTP-date `Retry-After`. @defaultValue new Date() */
  now?: Date;
};

const KIND_TO_CODE: Readonly<Record<GraphErrorKind, ProviderErrorCode>> = {
  'rate-limit': ProviderErrorCode.RATE_LIMITED,
  'window-closed': ProviderErrorCode.WINDOW_CLOSED,
  recipient: ProviderErrorCode.RECIPIENT_INVALID,
  template: ProviderErrorCode.TEMPLATE_INVALID,
  request: ProviderErrorCode.INVALID_REQUEST,
  auth: ProviderErrorCode.AUTH_FAILED,
  temporary: ProviderErrorCode.TEMPORARY,
  unknown: ProviderErrorCode.UNKNOWN,
};

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * How long to wait when Meta sends no `Retry-After` (it usually does not). From REFERENCE.md §5 and
 * RELIABILITY.md §3.3: throughput (130429) clears within seconds; the pair limit (131056, 1 msg / 6 s
 * with borrowed bursts, "retry after 4^X s") needs about a minute or two; API-call limits (4, 80007)
 * are hourly budgets; a throttled flow (132069) waits an hour; a spam limit (131048) needs a human.
 */
const DEFAULT_RETRY_AFTER_MS: Readonly<Record<number, number>> = {
  4: MINUTE,
  80007: 5 * MINUTE,
  130429: 2 * SECOND,
  131048: HOUR,
  131056: 2 * MINUTE,
  132069: HOUR,
  133008: 5 * MINUTE,
  133009: 5 * MINUTE,
  133015: 5 * MINUTE,
  133016: 5 * MINUTE,
};
const FALLBACK_RETRY_AFTER_MS = MINUTE;

type GraphErrorFields = {
  code: number;
  message: string;
  details: string | undefined;
  userTitle: string | undefined;
  isTransient: boolean;
};

/**
 * Translates a failed Graph call into the closed `ProviderErrorCode` set. The catalogue kind from
 * `describeGraphError` decides; logic keys on `code` (+ `error_data.details`), never on the title,
 * which Meta says may change (REFERENCE.md §1.5).
 */
export function parseCloudApiError(response: CloudApiErrorResponse): ProviderError {
  const graph = readGraphError(response.body);
  if (graph === undefined) return fromHttpStatus(response);
  const info = describeGraphError(graph.code);
  const code = classify(graph, info, response.httpStatus);
  const title = info?.title ?? graph.userTitle ?? titleFromMessage(graph.message);
  const retryAfterMs = code === ProviderErrorCode.RATE_LIMITED
    ? parseRetryAfter(response) ?? DEFAULT_RETRY_AFTER_MS[graph.code] ?? FALLBACK_RETRY_AFTER_MS
    : code === ProviderErrorCode.TEMPORARY ? parseRetryAfter(response) : undefined;
  return new ProviderError({
    code,
    message: `Cloud API error ${graph.code} (HTTP ${response.httpStatus}): ${graph.message}`,
    vendorCode: graph.code,
    vendorTitle: title,
    ...(graph.details === undefined ? {} : { vendorDetails: graph.details }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/**
 * A catalogued code maps by kind. Meta's own "unknown" codes (1 API Unknown, 131000 Something went
 * wrong) are marked retryable in the catalogue: an error *response* means the message was not
 * accepted, so they become TEMPORARY rather than the permanent UNKNOWN. An uncatalogued code falls
 * back on Graph's `is_transient` flag and the HTTP status.
 */
function classify(graph: GraphErrorFields, info: GraphErrorInfo | undefined, httpStatus: number): ProviderErrorCode {
  if (info !== undefined) {
    if (info.kind === 'unknown' && info.retryable) return ProviderErrorCode.TEMPORARY;
    return KIND_TO_CODE[info.kind];
  }
  if (graph.isTransient || httpStatus >= 500) return ProviderErrorCode.TEMPORARY;
  if (httpStatus === 429) return ProviderErrorCode.RATE_LIMITED;
  return ProviderErrorCode.UNKNOWN;
}

/** No Graph envelope: a proxy, load balancer or outage page answered instead of Graph. */
function fromHttpStatus(response: CloudApiErrorResponse): ProviderError {
  const { httpStatus } = response;
  const code = httpStatus >= 500 ? ProviderErrorCode.TEMPORARY
    : httpStatus === 429 ? ProviderErrorCode.RATE_LIMITED
      : httpStatus === 401 || httpStatus === 403 ? ProviderErrorCode.AUTH_FAILED
        : ProviderErrorCode.UNKNOWN;
  const retryAfterMs = code === ProviderErrorCode.RATE_LIMITED
    ? parseRetryAfter(response) ?? FALLBACK_RETRY_AFTER_MS
    : code === ProviderErrorCode.TEMPORARY ? parseRetryAfter(response) : undefined;
  const snippet = typeof response.body === 'string' ? response.body.slice(0, 200)
    : response.body === undefined ? undefined : JSON.stringify(response.body).slice(0, 200);
  return new ProviderError({
    code,
    message: `Cloud API answered HTTP ${httpStatus} without a Graph error body`,
    ...(snippet === undefined || snippet === '' ? {} : { vendorDetails: snippet }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

function readGraphError(body: unknown): GraphErrorFields | undefined {
  if (!isObject(body) || !isObject(body['error'])) return undefined;
  const error = body['error'];
  const code = typeof error['code'] === 'number' ? error['code']
    : typeof error['code'] === 'string' && /^\d+$/.test(error['code']) ? Number(error['code']) : undefined;
  if (code === undefined) return undefined;
  const data = error['error_data'];
  const details = isObject(data) && typeof data['details'] === 'string' ? data['details']
    : typeof error['error_user_msg'] === 'string' ? error['error_user_msg'] : undefined;
  return {
    code,
    message: typeof error['message'] === 'string' ? error['message'] : `(#${code})`,
    details,
    userTitle: typeof error['error_user_title'] === 'string' ? error['error_user_title'] : undefined,
    isTransient: error['is_transient'] === true,
  };
}

/** Meta writes `message` as `(#<code>) <title>`. */
function titleFromMessage(message: string): string {
  return message.replace(/^\(#\d+\)\s*/, '');
}

/** `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(response: Pick<CloudApiErrorResponse, 'retryAfter' | 'now'>): number | undefined {
  const raw = response.retryAfter?.trim();
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) return Number(raw) * SECOND;
  const at = Date.parse(raw);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - (response.now ?? new Date()).getTime());
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
