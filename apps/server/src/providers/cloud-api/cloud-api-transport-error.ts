import { ProviderError, ProviderErrorCode } from '../provider-error.js';

/**
 * Failures that happen before any byte of the request left us: the Graph API cannot have acted.
 * undici's `request()` throws them as is (`code` on the error); Node's fetch wraps them as
 * `TypeError('fetch failed')` with the system error as `cause`. UND_ERR_CLOSED: the dispatcher was
 * already closed (shutdown) and refused the call; UND_ERR_INVALID_ARG: refused while validating.
 */
const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID', 'UND_ERR_CLOSED', 'UND_ERR_INVALID_ARG',
]);

/** undici's own waits for the answer: the request was written, so these are the ambiguous timeout. */
const ANSWER_TIMEOUT_CODES: ReadonlySet<string> = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/**
 * Maps a thrown transport error. The Cloud API has no idempotency key (RELIABILITY.md §3.2): after a
 * timeout or a reset once the request was written, Meta may or may not have accepted the message,
 * and resending could deliver it twice. So that case is OUTCOME_UNKNOWN and the caller reconciles it
 * from the status webhook carrying our `biz_opaque_callback_data`. Our own per-call timeout cannot
 * tell "still connecting" from "sent, waiting for the answer", so it is treated as the ambiguous
 * case too; a stuck connect normally ends earlier as UND_ERR_CONNECT_TIMEOUT (undici's 10 s).
 */
export function transportError(error: unknown, retrySafe: boolean): ProviderError {
  const code = systemErrorCode(error);
  const timedOut = isTimeout(error) || (code !== undefined && ANSWER_TIMEOUT_CODES.has(code));
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

/** The first `code` along the cause chain (fetch nests the socket error, sometimes in an AggregateError). */
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
