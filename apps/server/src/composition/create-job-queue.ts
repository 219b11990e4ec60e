import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { DatabaseHandle } from '../db/database.js';
import { InProcessJobQueue, type InProcessJobQueueOptions } from '../queue/in-process/in-process-job-queue.js';
import type { JobQueue } from '../queue/job-queue.js';

export type JobQueueDriver = 'in-process' | 'bullmq';

export type CreateJobQueueOptions = {
  /** QUEUE_DRIVER. */
  driver: JobQueueDriver;
  database: DatabaseHandle;
  /** QUEUE_REDIS_URL; required for `bullmq`. */
  redisUrl?: string | undefined;
  /** Redis key prefix for `bullmq`. @defaultValue 'valeo' */
  prefix?: string | undefined;
  logger: Logger;
  clock: Clock;
  /** Fine-tuning of the in-process driver (tests, benchmarks). */
  inProcess?: Omit<InProcessJobQueueOptions, 'database' | 'logger' | 'clock'>;
};

/**
 * Builds the queue named by config. The BullMQ driver is imported lazily, so the default install path
 * never loads Redis code (ARCHITECTURE.md §3 rule 8). `load-config` already rejects bullmq without
 * PostgreSQL or a Redis URL; the checks here keep the factory safe on its own.
 */
export async function createJobQueue(opts: CreateJobQueueOptions): Promise<JobQueue> {
  if (opts.driver === 'in-process') {
    return new InProcessJobQueue({ ...opts.inProcess, database: opts.database, logger: opts.logger, clock: opts.clock });
  }
  if (!opts.redisUrl) throw new Error('QUEUE_REDIS_URL is required when QUEUE_DRIVER=bullmq');
  if (opts.database.dialect !== 'postgres') throw new Error('QUEUE_DRIVER=bullmq requires DB_TYPE=postgres');
  const { BullmqJobQueue } = await import('../queue/bullmq/bullmq-job-queue.js');
  return new BullmqJobQueue({
    database: opts.database,
    redisUrl: opts.redisUrl,
    ...(opts.prefix === undefined ? {} : { prefix: opts.prefix }),
    logger: opts.logger,
    clock: opts.clock,
  });
}
