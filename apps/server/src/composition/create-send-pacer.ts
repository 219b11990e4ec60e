import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import { KeyedTokenBucket } from '../core/token-bucket.js';
import type { SendPacer } from '../modules/messages/index.js';
import type { JobQueueDriver } from './create-job-queue.js';

/**
 * Per-number pacing in this process. The wait is bounded by the send job's concurrency divided by
 * the rate (64 / 80 per s < 1 s), so holding the worker slot is cheaper than a requeue round-trip.
 */
export function createSendPacer(ratePerSecond: number, clock: Clock): SendPacer {
  const bucket = new KeyedTokenBucket(ratePerSecond, { clock });
  return {
    async wait(channelId) {
      const ms = bucket.reserve(channelId);
      if (ms > 0) await sleep(ms);
    },
  };
}

export type SendPacing = { pacer: SendPacer | undefined; close(): Promise<void> };

/**
 * WA_SEND_RATE_PER_SECOND per number: none at 0; in this process with the in-process queue (one
 * process sends); shared through Redis with BullMQ, where several workers send for the same number.
 * Redis code loads only then (ARCHITECTURE.md §3 rule 8).
 */
export async function createSendPacing(opts: {
  ratePerSecond: number;
  clock: Clock;
  driver: JobQueueDriver;
  redisUrl?: string | undefined;
  prefix?: string | undefined;
  logger: Logger;
}): Promise<SendPacing> {
  const none = async () => undefined;
  if (opts.ratePerSecond <= 0) return { pacer: undefined, close: none };
  if (opts.driver === 'in-process') return { pacer: createSendPacer(opts.ratePerSecond, opts.clock), close: none };
  if (!opts.redisUrl) throw new Error('QUEUE_REDIS_URL is required when QUEUE_DRIVER=bullmq');
  const { createRedisSendPacer } = await import('./redis-send-pacer.js');
  return createRedisSendPacer({ redisUrl: opts.redisUrl, ratePerSecond: opts.ratePerSecond, prefix: opts.prefix, logger: opts.logger });
}
