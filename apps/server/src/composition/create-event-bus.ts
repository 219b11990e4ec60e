import { InProcessEventBus } from '../core/events/in-process-event-bus.js';
import type { EventBus } from '../core/events/event-bus.js';
import type { Logger } from '../core/logger.js';
import type { JobQueueDriver } from './create-job-queue.js';

export type EventBusHandle = { bus: EventBus; close(): Promise<void> };

/**
 * The in-process bus by default; with QUEUE_DRIVER=bullmq (scaled roles, ADR 0007) the Redis
 * pub/sub bus, so events published in a worker reach the API processes' SSE clients. Redis code
 * is imported lazily, like the BullMQ driver (ARCHITECTURE.md §3 rule 8).
 */
export async function createEventBus(opts: { driver: JobQueueDriver; redisUrl?: string | undefined; prefix?: string | undefined; logger: Logger }): Promise<EventBusHandle> {
  if (opts.driver === 'in-process') return { bus: new InProcessEventBus(opts.logger), close: async () => undefined };
  if (!opts.redisUrl) throw new Error('QUEUE_REDIS_URL is required when QUEUE_DRIVER=bullmq');
  const { RedisEventBus } = await import('../events/redis/redis-event-bus.js');
  const bus = await RedisEventBus.connect({ redisUrl: opts.redisUrl, ...(opts.prefix === undefined ? {} : { prefix: opts.prefix }), logger: opts.logger });
  return { bus, close: () => bus.close() };
}
