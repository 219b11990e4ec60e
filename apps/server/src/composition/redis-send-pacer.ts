import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../core/logger.js';
import type { SendPacer } from '../modules/messages/index.js';

export type RedisSendPacerOptions = {
  redisUrl: string;
  ratePerSecond: number;
  /** The deployment's Redis key prefix (the BullMQ prefix). @defaultValue 'valeo' */
  prefix?: string | undefined;
  logger: Logger;
};

export type RedisSendPacerHandle = { pacer: SendPacer; close(): Promise<void> };

/**
 * Per-number pacing shared by every worker process (QUEUE_DRIVER=bullmq): one counter per WhatsApp
 * number and second in Redis (rate-limiter-flexible's atomic Lua script), so N workers together
 * stay under Meta's per-number throughput instead of N times it. While Redis is unreachable an
 * in-memory limiter with the same rate stands in (pacing per process, as without Redis), so sends
 * go on. A send over the rate waits until the next second's budget.
 */
export async function createRedisSendPacer(opts: RedisSendPacerOptions): Promise<RedisSendPacerHandle> {
  const redis = new Redis(opts.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', (error: Error) => opts.logger.warn({ err: error }, 'send pacer: Redis connection error; pacing per process meanwhile'));
  await redis.connect();
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${opts.prefix ?? 'valeo'}:send-rate`,
    points: opts.ratePerSecond,
    duration: 1,
    insuranceLimiter: new RateLimiterMemory({ points: opts.ratePerSecond, duration: 1 }),
  });
  const pacer: SendPacer = {
    async wait(channelId) {
      for (;;) {
        try {
          await limiter.consume(channelId, 1);
          return;
        } catch (rejection) {
          if (!(rejection instanceof RateLimiterRes)) throw rejection;
          // A little jitter, so the workers that waited do not all hit the next second at once.
          await sleep(rejection.msBeforeNext + Math.floor(Math.random() * 20));
        }
      }
    },
  };
  return { pacer, close: async () => void (await redis.quit().catch(() => redis.disconnect())) };
}
