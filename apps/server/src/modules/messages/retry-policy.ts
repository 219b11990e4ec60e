import { isProviderError, ProviderErrorCode, type ProviderError } from '../../providers/provider-error.js';
import type { CircuitOutcome } from './channel-circuit.js';
import type { MessageError } from './messages.types.js';

/**
 * What the send pipeline does with a failed send (ADR 0003). The only consumer of ProviderErrorCode.
 * - RATE_LIMITED: back to the queue after the vendor's retry-after; it was not sent.
 * - TEMPORARY: the request never reached the vendor (or it answered 5xx): retry with backoff,
 *   and fail once the attempts are used up.
 * - OUTCOME_UNKNOWN: the request may have been accepted. The Cloud API has no idempotency key, so
 *   a retry could send twice: park the message as `unknown` and let a status webhook (which echoes
 *   our id in biz_opaque_callback_data) resolve it.
 * - AUTH_FAILED: the channel's token expired or lost a permission. The message was not sent and is
 *   fine; the channel is not. Hold it (deferred, no attempt used) until an admin renews the token and
 *   a probe succeeds (channel-circuit.ts), instead of failing every queued message for good.
 * - anything else: permanent; retrying cannot help.
 */
export type SendErrorDecision =
  | { action: 'retry'; retryAfterMs?: number; error: MessageError }
  | { action: 'fail'; error: MessageError }
  | { action: 'park-unknown'; error: MessageError }
  | { action: 'hold'; error: MessageError };

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
    case ProviderErrorCode.AUTH_FAILED:
      return { action: 'hold', error: messageError };
    default:
      return { action: 'fail', error: messageError };
  }
}

/**
 * What a send's outcome says about its channel, for the circuit breaker: a Graph API that answers
 * with a business error (bad recipient, template, rate limit) works; one that times out, answers
 * 5xx or refuses the token does not. Errors of our own (not a ProviderError) say nothing.
 */
export function circuitOutcomeOf(error: unknown): CircuitOutcome | undefined {
  if (!isProviderError(error)) return undefined;
  if (error.code === ProviderErrorCode.AUTH_FAILED) return 'auth';
  if (error.code === ProviderErrorCode.TEMPORARY || error.code === ProviderErrorCode.OUTCOME_UNKNOWN) return 'transient';
  return 'success';
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
