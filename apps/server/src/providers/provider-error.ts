/**
 * The closed set of outcomes a provider reports when a call fails. Each provider translates its
 * vendor's errors into these codes in one pure `parse-<vendor>-error.ts`; only the retry policy
 * (modules/messages/retry-policy.ts) decides what each code means for a job.
 */
export const ProviderErrorCode = {
  /** Throughput or rate limit hit (Graph 130429, 131056, 80007, 4, …). Retry after `retryAfterMs`. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** Free-form message outside the 24-hour customer-service window (131047). Permanent. */
  WINDOW_CLOSED: 'WINDOW_CLOSED',
  /** The recipient cannot receive (131026, 131021, invalid number…). Permanent. */
  RECIPIENT_INVALID: 'RECIPIENT_INVALID',
  /** Template missing, not approved, or parameters do not match (132000, 132001, 132005…). Permanent. */
  TEMPLATE_INVALID: 'TEMPLATE_INVALID',
  /** The request itself is malformed for the vendor (100, 131008, 131009…). Permanent. */
  INVALID_REQUEST: 'INVALID_REQUEST',
  /** Token expired, revoked or lacking permission (190, 10, 200…). Permanent until fixed by an admin. */
  AUTH_FAILED: 'AUTH_FAILED',
  /** Vendor-side hiccup or network failure before the request was accepted. Retry with backoff. */
  TEMPORARY: 'TEMPORARY',
  /** The request left us but no answer came back (timeout after send). Never blindly retried. */
  OUTCOME_UNKNOWN: 'OUTCOME_UNKNOWN',
  /** Anything not classified above. Treated as permanent, and logged with the raw vendor error. */
  UNKNOWN: 'UNKNOWN',
} as const;
export type ProviderErrorCode = (typeof ProviderErrorCode)[keyof typeof ProviderErrorCode];

export type ProviderErrorOptions = {
  code: ProviderErrorCode;
  message: string;
  /** The vendor's own error code (e.g. Graph `131047`), kept for display and analytics. */
  vendorCode?: number | string;
  vendorTitle?: string;
  /** Extra vendor detail, e.g. Graph `error_data.details`. */
  vendorDetails?: string;
  retryAfterMs?: number;
  cause?: unknown;
};

export class ProviderError extends Error {
  readonly code: ProviderErrorCode;
  readonly vendorCode: number | string | undefined;
  readonly vendorTitle: string | undefined;
  readonly vendorDetails: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(opts: ProviderErrorOptions) {
    super(opts.message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'ProviderError';
    this.code = opts.code;
    this.vendorCode = opts.vendorCode;
    this.vendorTitle = opts.vendorTitle;
    this.vendorDetails = opts.vendorDetails;
    this.retryAfterMs = opts.retryAfterMs;
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}
