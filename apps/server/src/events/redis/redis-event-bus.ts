/**
 * The scaled EventBus (QUEUE_DRIVER=bullmq, ADR 0007): domain events travel over one Redis
 * pub/sub channel, so an event a worker process publishes reaches the subscribers of every
 * process — above all the SSE clients held by the API processes. Every process, the publisher
 * included, receives each event once from Redis and hands it to its own in-process bus, so
 * delivery is the same wherever a subscriber lives.
 *
 * Pub/sub is at-most-once: an event published while a process is disconnected from Redis is not
 * replayed to it. That is what the realtime inbox already assumes (a client that reconnects
 * refetches); nothing that must not be lost may depend on an event (jobs go through the queue).
 */
import { Redis } from 'ioredis';
import type { DomainEventMap, DomainEventName } from '../../core/events/domain-events.js';
import type { EventBus, EventHandler } from '../../core/events/event-bus.js';
import { InProcessEventBus } from '../../core/events/in-process-event-bus.js';
import { silentLogger, type Logger } from '../../core/logger.js';

export type RedisEventBusOptions = {
  redisUrl: string;
  /** Key prefix of the deployment (the BullMQ prefix); the channel is `<prefix>:events`. @defaultValue 'valeo' */
  prefix?: string;
  logger?: Logger;
};

/** What goes over the wire: the event's name and its JSON payload, versioned for rolling upgrades. */
type Envelope = { v: 1; name: DomainEventName; payload: unknown };

export class RedisEventBus implements EventBus {
  readonly channel: string;
  private readonly local: InProcessEventBus;
  private readonly logger: Logger;
  private closed = false;

  private constructor(private readonly publisher: Redis, private readonly subscriber: Redis, opts: RedisEventBusOptions) {
    this.channel = `${opts.prefix ?? 'valeo'}:events`;
    this.logger = opts.logger ?? silentLogger;
    this.local = new InProcessEventBus(this.logger);
  }

  /** Connects both Redis clients and subscribes; resolves once events published from now on arrive. */
  static async connect(opts: RedisEventBusOptions): Promise<RedisEventBus> {
    // A subscribed connection cannot publish, hence two. Reconnects and re-subscribes are ioredis's.
    const publisher = new Redis(opts.redisUrl, { lazyConnect: true, maxRetriesPerRequest: null });
    const subscriber = new Redis(opts.redisUrl, { lazyConnect: true, maxRetriesPerRequest: null });
    const bus = new RedisEventBus(publisher, subscriber, opts);
    for (const client of [publisher, subscriber]) client.on('error', (error: Error) => bus.logger.warn({ err: error }, 'event bus: Redis connection error'));
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === bus.channel) bus.deliver(message);
    });
    try {
      await Promise.all([publisher.connect(), subscriber.connect()]);
      await subscriber.subscribe(bus.channel);
    } catch (error) {
      publisher.disconnect();
      subscriber.disconnect();
      throw error;
    }
    return bus;
  }

  /** Fire and forget, like the in-process bus: a Redis failure is logged, never thrown at the publisher. */
  publish<N extends DomainEventName>(name: N, payload: DomainEventMap[N]): void {
    if (this.closed) return;
    const envelope: Envelope = { v: 1, name, payload };
    this.publisher.publish(this.channel, JSON.stringify(envelope)).catch((error: unknown) => {
      this.logger.warn({ err: error, event: name }, 'event bus: could not publish to Redis; subscribers in other processes miss this event');
    });
  }

  subscribe<N extends DomainEventName>(name: N, handler: EventHandler<N>): () => void {
    return this.local.subscribe(name, handler);
  }

  /** Unsubscribes and closes both connections (idempotent); publishing afterwards does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
  }

  private deliver(message: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch (error) {
      this.logger.warn({ err: error }, 'event bus: dropped a message that is not JSON');
      return;
    }
    if (envelope?.v !== 1 || typeof envelope.name !== 'string') {
      this.logger.warn({ version: envelope?.v }, 'event bus: dropped a message of an unknown format');
      return;
    }
    this.local.publish(envelope.name, envelope.payload as DomainEventMap[DomainEventName]);
  }
}
