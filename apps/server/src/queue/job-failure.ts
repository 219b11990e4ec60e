/**
 * What happens after a handler throws: one pure decision shared by every driver, so both retry the
 * same way (the contract suite checks the observable part).
 */
import { DeferJobError, JobPayloadError, PermanentJobError, RetryJobError } from './job-errors.js';
import type { JobBackoff } from './job-queue.js';

export type FailureDecision =
  | { kind: 'retry'; delayMs: number; error: string }
  /** Run again after `delayMs`; the attempt does not count (DeferJobError). */
  | { kind: 'defer'; delayMs: number; error: string }
  | { kind: 'fail'; error: string };

export type FailureInput = {
  error: unknown;
  /** The attempt that just failed, 1-based. */
  attempt: number;
  maxAttempts: number;
  backoff: JobBackoff;
  /** Injectable for tests. @defaultValue Math.random */
  random?: () => number;
};

export function decideOnFailure(input: FailureInput): FailureDecision {
  const error = describeError(input.error);
  if (input.error instanceof PermanentJobError || input.error instanceof JobPayloadError) return { kind: 'fail', error };
  if (input.error instanceof DeferJobError) return { kind: 'defer', delayMs: input.error.retryAfterMs, error };
  if (input.attempt >= input.maxAttempts) return { kind: 'fail', error };
  const delayMs = input.error instanceof RetryJobError
    ? input.error.retryAfterMs
    : backoffDelayMs(input.attempt, input.backoff, input.random ?? Math.random);
  return { kind: 'retry', delayMs, error };
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so retries of jobs
 * that failed together spread out but never come sooner than half the nominal delay.
 * attempt 1 → ~baseMs, attempt 2 → ~2·baseMs, … capped at maxMs.
 */
export function backoffDelayMs(attempt: number, backoff: JobBackoff, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const step = Math.min(backoff.maxMs, backoff.baseMs * 2 ** exponent);
  return Math.round(step / 2 + random() * (step / 2));
}

/** The text kept as `last_error`: name and message, bounded (stacks belong in the log). */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : `Thrown non-error: ${safeString(error)}`;
  return text.length > 2_000 ? `${text.slice(0, 2_000)}…` : text;
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
