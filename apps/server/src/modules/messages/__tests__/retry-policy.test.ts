import { describe, expect, it } from 'vitest';
import { ProviderError, ProviderErrorCode } from '../../../providers/provider-error.js';
import { circuitOutcomeOf, decideOnSendError } from '../retry-policy.js';

const err = (code: ProviderError['code'], extra: Partial<ConstructorParameters<typeof ProviderError>[0]> = {}) =>
  new ProviderError({ code, message: code, ...extra });

describe('decideOnSendError', () => {
  it('retries a rate limit after the vendor retry-after, even on the last attempt', () => {
    expect(decideOnSendError(err(ProviderErrorCode.RATE_LIMITED, { retryAfterMs: 7000, vendorCode: 130429 }), 8, 8)).toMatchObject({
      action: 'retry',
      retryAfterMs: 7000,
      error: { code: 'RATE_LIMITED', vendorCode: 130429 },
    });
  });

  it('retries temporary failures until the attempts are used up', () => {
    expect(decideOnSendError(err(ProviderErrorCode.TEMPORARY), 1, 3).action).toBe('retry');
    expect(decideOnSendError(err(ProviderErrorCode.TEMPORARY), 3, 3).action).toBe('fail');
  });

  it('parks an unknown outcome instead of resending', () => {
    expect(decideOnSendError(err(ProviderErrorCode.OUTCOME_UNKNOWN), 1, 8).action).toBe('park-unknown');
  });

  it.each([
    ProviderErrorCode.WINDOW_CLOSED,
    ProviderErrorCode.RECIPIENT_INVALID,
    ProviderErrorCode.TEMPLATE_INVALID,
    ProviderErrorCode.INVALID_REQUEST,
    ProviderErrorCode.UNKNOWN,
  ])('fails %s permanently, keeping the vendor code and title', (code) => {
    expect(decideOnSendError(err(code, { vendorCode: 131047, vendorTitle: 'Re-engagement message' }), 1, 8)).toEqual({
      action: 'fail',
      error: { code, message: code, vendorCode: 131047, vendorTitle: 'Re-engagement message' },
    });
  });

  it('holds a message whose channel token was refused (190) instead of failing it', () => {
    expect(decideOnSendError(err(ProviderErrorCode.AUTH_FAILED, { vendorCode: 190 }), 8, 8)).toMatchObject({ action: 'hold', error: { code: 'AUTH_FAILED', vendorCode: 190 } });
  });

  it('tells the circuit breaker what an outcome says about the channel', () => {
    expect(circuitOutcomeOf(err(ProviderErrorCode.AUTH_FAILED))).toBe('auth');
    expect(circuitOutcomeOf(err(ProviderErrorCode.TEMPORARY))).toBe('transient');
    expect(circuitOutcomeOf(err(ProviderErrorCode.OUTCOME_UNKNOWN))).toBe('transient');
    expect(circuitOutcomeOf(err(ProviderErrorCode.RECIPIENT_INVALID))).toBe('success');
    expect(circuitOutcomeOf(err(ProviderErrorCode.RATE_LIMITED))).toBe('success');
    expect(circuitOutcomeOf(new Error('database is locked'))).toBeUndefined();
  });

  it('treats a non-provider error as transient', () => {
    expect(decideOnSendError(new Error('db hiccup'), 1, 2)).toMatchObject({ action: 'retry', error: { code: 'INTERNAL' } });
    expect(decideOnSendError(new Error('db hiccup'), 2, 2).action).toBe('fail');
  });
});
