/**
 * Port settings → BullMQ job options. BullMQ's priority runs the LOWEST number first (1 highest,
 * 0 = "no priority", served before all prioritized jobs); ours runs the highest first with 0 as the
 * default. Every job therefore gets an explicit BullMQ priority around a fixed midpoint, so the
 * order matches the in-process driver: priority first, then FIFO (BullMQ keeps insertion order
 * within one priority).
 */
import type { JobsOptions } from 'bullmq';
import { MAX_JOB_PRIORITY } from '../job-queue.js';
import type { OutboxJob } from './outbox.repository.js';

/** The custom strategy name; the worker's `settings.backoffStrategy` implements it (job-failure.ts). */
export const BACKOFF_STRATEGY = 'valeo-job-failure';

const PRIORITY_MIDPOINT = MAX_JOB_PRIORITY + 1;

export function toBullmqPriority(priority: number): number {
  return PRIORITY_MIDPOINT - priority;
}

export type BullmqJobSpec = { name: string; data: unknown; opts: JobsOptions };

export function toBullmqJob(job: OutboxJob, opts: { now: Date; doneRetentionMs: number }): BullmqJobSpec {
  return {
    name: job.jobName,
    data: job.payload,
    opts: {
      // The outbox id: a re-publish after a crash is ignored while the job exists.
      jobId: job.id,
      priority: toBullmqPriority(job.priority),
      delay: Math.max(0, job.runAt.getTime() - opts.now.getTime()),
      attempts: job.maxAttempts,
      backoff: { type: BACKOFF_STRATEGY },
      // Kept as long as the outbox row, so the id keeps de-duplicating re-publishes; failed jobs stay for inspection.
      removeOnComplete: { age: Math.ceil(opts.doneRetentionMs / 1_000) },
      removeOnFail: false,
    },
  };
}
