import { isProviderError, ProviderErrorCode, type ProviderError } from '../../providers/provider-error.js';
import type { MessageError } from './messages.types.js';

/**
 * What the send pipeline does with a failed send (ADR 0003). The only consumer of ProviderErrorCode.
 * - RATE_LIMITED: back to the queue after the vendor's retry-after; it was not sent.
 * - TEMPORARY: the request never reached the vendor (or it answered 5xx): retry with backoff,
 *   and fail once the attempts are used up.
 * - OUTCOME_UNKNOWN: the request may have been accepted. The Cloud API has no idempotency key, so
 *   a retry could send twice: park the message as `unknown` and let a status webhook (which echoes
 *   our id in biz_opaque_callback_data) resolve it.
 * - anything else: permanent; retrying cannot help.
 */
export type SendErrorDecision =
  | { action: 'retry'; retryAfterMs?: number; error: MessageError }
  | { action: 'fail'; error: MessageError }
  | { action: 'park-unknown'; error: MessageError };

export const DEFAULT_RATE_LIMIT_RETRY_MS = 2_000;

export function decideOnSendError(error: unknown, attempt: number, maxAttempts: number): SendErrorDecision {
  if (!isProviderError(error)) {
    const messageError = { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
    return attempt < maxAttempts ? { action: 'retry', error: messageError } : { action: 'fail', error: messageError };
  }
  const messageError = toMessageError(error);
  switch (error.code) {
    case ProviderErrorCode.RATE_LIMITED:
      return { action: 'retry', retryAfterMs: error.retryAfterMs ?? DEFAULT_RATE_LIMIT_RETRY_MS, error: messageError };
    case ProviderErrorCode.TEMPORARY:
      return attempt < maxAttempts ? { action: 'retry', error: messageError } : { action: 'fail', error: messageError };
    case ProviderErrorCode.OUTCOME_UNKNOWN:
      return { action: 'park-unknown', error: messageError };
    default:
      return { action: 'fail', error: messageError };
  }
}

export function toMessageError(error: ProviderError): MessageError {
  return {
    code: error.code,
    message: error.message,
    ...(error.vendorCode !== undefined ? { vendorCode: error.vendorCode } : {}),
    ...(error.vendorTitle !== undefined ? { vendorTitle: error.vendorTitle } : {}),
    ...(error.vendorDetails !== undefined ? { vendorDetails: error.vendorDetails } : {}),
  };
}
