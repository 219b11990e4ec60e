import { describe, expect, it } from 'vitest';
import { backoffDelayMs, decideOnFailure } from '../job-failure.js';
import { DeferJobError, JobPayloadError, PermanentJobError, RetryJobError } from '../job-errors.js';

const backoff = { baseMs: 1_000, maxMs: 10_000 };

describe('backoffDelayMs', () => {
  it('doubles per attempt, with jitter between half and the full step', () => {
    expect(backoffDelayMs(1, backoff, () => 0)).toBe(500);
    expect(backoffDelayMs(1, backoff, () => 1)).toBe(1_000);
    expect(backoffDelayMs(2, backoff, () => 1)).toBe(2_000);
    expect(backoffDelayMs(3, backoff, () => 0.5)).toBe(3_000);
  });

  it('never exceeds maxMs, even for huge attempt numbers', () => {
    expect(backoffDelayMs(5, backoff, () => 1)).toBe(10_000);
    expect(backoffDelayMs(10_000, backoff, () => 1)).toBe(10_000);
  });
});

describe('decideOnFailure', () => {
  const base = { attempt: 1, maxAttempts: 3, backoff, random: () => 1 };

  it('retries an ordinary error with exponential backoff', () => {
    expect(decideOnFailure({ ...base, error: new Error('socket hang up'), attempt: 2 })).toEqual({
      kind: 'retry', delayMs: 2_000, error: 'Error: socket hang up',
    });
  });

  it('retries a RetryJobError after exactly retryAfterMs', () => {
    expect(decideOnFailure({ ...base, error: new RetryJobError('rate limited', { retryAfterMs: 4_321 }) })).toMatchObject({
      kind: 'retry', delayMs: 4_321,
    });
  });

  it('defers a DeferJobError after retryAfterMs, even on the last attempt', () => {
    expect(decideOnFailure({ ...base, attempt: 3, error: new DeferJobError('circuit open', { retryAfterMs: 60_000 }) })).toEqual({
      kind: 'defer', delayMs: 60_000, error: 'DeferJobError: circuit open',
    });
  });

  it('fails at once on PermanentJobError and JobPayloadError', () => {
    expect(decideOnFailure({ ...base, error: new PermanentJobError('no') })).toEqual({ kind: 'fail', error: 'PermanentJobError: no' });
    expect(decideOnFailure({ ...base, error: new JobPayloadError('x', []) }).kind).toBe('fail');
  });

  it('fails once the last attempt failed, whatever the error', () => {
    expect(decideOnFailure({ ...base, attempt: 3, error: new Error('again') }).kind).toBe('fail');
    expect(decideOnFailure({ ...base, attempt: 3, error: new RetryJobError('later', { retryAfterMs: 1 }) }).kind).toBe('fail');
  });

  it('describes thrown non-errors', () => {
    expect(decideOnFailure({ ...base, error: { code: 7 } })).toMatchObject({ error: 'Thrown non-error: {"code":7}' });
  });
});
