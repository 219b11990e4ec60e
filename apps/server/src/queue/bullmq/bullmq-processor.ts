/**
 * Runs our handlers inside BullMQ workers and translates the port's failure vocabulary:
 * PermanentJobError and an invalid payload → UnrecoverableError (failed, no retry); RetryJobError
 * and any other error → BullMQ retries, delayed by `backoffStrategy` (retryAfterMs, or exponential
 * backoff + jitter from job-failure.ts), until `attempts` (= maxAttempts) is used up. DeferJobError →
 * moved to delayed without counting an attempt.
 */
import { DelayedError, UnrecoverableError, type Job, type MinimalJob, type Processor } from 'bullmq';
import type { Logger } from '../../core/logger.js';
import { DeferJobError, JobPayloadError, PermanentJobError, RetryJobError } from '../job-errors.js';
import { backoffDelayMs, describeError } from '../job-failure.js';
import type { JobBackoff, JobDefinition, JobHandler } from '../job-queue.js';
import { assertJobPayload } from '../job-payload.js';

export type BullmqRegistration = {
  job: JobDefinition<unknown>;
  handler: JobHandler<unknown>;
  concurrency: number;
  backoff: JobBackoff;
};

export type RunningHandler = { controller: AbortController; finished: Promise<void> };

export type ProcessorDeps = {
  registration: BullmqRegistration;
  /** Handlers running in this process, by job id (stop() drains and aborts them). */
  running: Map<string, RunningHandler>;
  isStopping(): boolean;
  logger: Logger;
};

export function createProcessor(deps: ProcessorDeps): Processor {
  return async (job: Job, token?: string) => {
    const jobId = job.id ?? '';
    if (deps.isStopping()) {
      // Fetched while stopping: hand it back untouched (BullMQ's documented "move to delayed" pattern).
      await job.moveToDelayed(Date.now(), token);
      throw new DelayedError();
    }
    const controller = new AbortController();
    let settle!: () => void;
    deps.running.set(jobId, { controller, finished: new Promise<void>((resolve) => (settle = resolve)) });
    try {
      await runHandler(deps, job, controller.signal, token);
    } finally {
      deps.running.delete(jobId);
      settle();
    }
  };
}

async function runHandler(deps: ProcessorDeps, job: Job, signal: AbortSignal, token: string | undefined): Promise<void> {
  const { registration } = deps;
  try {
    assertJobPayload(registration.job, job.data);
    await registration.handler(job.data, { jobId: job.id ?? '', attempt: job.attemptsStarted, signal });
  } catch (error) {
    const log = { err: error, jobId: job.id, job: job.name, attempt: job.attemptsStarted };
    if (error instanceof DeferJobError) {
      // Not a failed attempt: back to delayed without touching attemptsMade (BullMQ's DelayedError pattern).
      deps.logger.info({ jobId: job.id, job: job.name, delayMs: error.retryAfterMs, reason: error.message }, 'job deferred');
      await job.moveToDelayed(Date.now() + error.retryAfterMs, token);
      throw new DelayedError();
    }
    if (error instanceof PermanentJobError || error instanceof JobPayloadError) {
      deps.logger.error(log, 'job failed');
      throw new UnrecoverableError(describeError(error));
    }
    deps.logger.warn(log, 'job attempt failed');
    throw error;
  }
}

/** BullMQ's custom backoff: the same delays as the in-process driver. */
export function createBackoffStrategy(registrations: ReadonlyMap<string, BullmqRegistration>) {
  return (attemptsMade: number, _type?: string, err?: Error, job?: MinimalJob): number => {
    if (err instanceof RetryJobError) return err.retryAfterMs;
    const backoff = registrations.get(job?.name ?? '')?.backoff;
    return backoff ? backoffDelayMs(attemptsMade, backoff) : 1_000;
  };
}
