/**
 * What a job handler throws to steer the queue (retry at a time, defer, fail). Anything else is a transient failure retried with
 * exponential backoff (see `job-failure.ts`). `modules/messages/retry-policy.ts` maps provider
 * errors onto these two (ADR 0003); the queue itself knows nothing about providers.
 */
import { AppError } from '../core/errors/app-error.js';

/** Retry at a known time (e.g. a rate limit's retry-after). Counts an attempt. */
export class RetryJobError extends Error {
  readonly retryAfterMs: number;

  constructor(message: string, opts: { retryAfterMs: number; cause?: unknown }) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    if (!(opts.retryAfterMs >= 0)) throw new RangeError('retryAfterMs must be >= 0');
    this.name = 'RetryJobError';
    this.retryAfterMs = opts.retryAfterMs;
  }
}

/**
 * Run again later WITHOUT counting an attempt: the job is waiting on something outside itself (a
 * channel whose circuit is open, a token an admin must renew), so no number of tries should fail it.
 */
export class DeferJobError extends Error {
  readonly retryAfterMs: number;

  constructor(message: string, opts: { retryAfterMs: number; cause?: unknown }) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    if (!(opts.retryAfterMs >= 0)) throw new RangeError('retryAfterMs must be >= 0');
    this.name = 'DeferJobError';
    this.retryAfterMs = opts.retryAfterMs;
  }
}

/** Fail now, no retry (the analogue of BullMQ's UnrecoverableError). */
export class PermanentJobError extends Error {
  constructor(message: string, opts: { cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'PermanentJobError';
  }
}

export const JOB_PAYLOAD_INVALID = 'JOB_PAYLOAD_INVALID';

/**
 * A payload that does not match its job's schema. Thrown by `enqueue` (a bug in the caller, hence
 * 500); when found before a handler runs, the job fails permanently with this message.
 */
export class JobPayloadError extends AppError {
  constructor(jobName: string, details: { path: string; message: string }[]) {
    const first = details[0];
    const summary = first ? `${first.path || '/'} ${first.message}` : 'does not match the schema';
    super({ code: JOB_PAYLOAD_INVALID, httpStatus: 500, message: `Invalid payload for job ${jobName}: ${summary}`, details });
    this.name = 'JobPayloadError';
  }
}
