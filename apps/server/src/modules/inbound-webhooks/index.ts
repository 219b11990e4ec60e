import { systemClock, type Clock } from '../../core/clock.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import type { Db } from '../../db/database.js';
import type { MessagingProvider } from '../../providers/messaging-provider.js';
import type { JobQueue } from '../../queue/job-queue.js';
import type { InboundMediaRegistrar, InboundMessageSink } from './inbound-message-sink.js';
import { inboundWebhooksRoutes } from './inbound-webhooks.routes.js';
import { createProcessInboundEventHandler, processInboundEventJob } from './process-inbound-event.job.js';
import { cacheWebhookChannels } from './webhook-channels.js';
import { webhookChannelsFrom, type ChannelsLookup } from './webhook-channels-adapter.js';
import { WebhookIntakeService } from './webhook-intake.service.js';

export { processInboundEventJob } from './process-inbound-event.job.js';
export { InboundWebhookErrorCode } from './inbound-webhooks.errors.js';
export { WebhookIntakeService } from './webhook-intake.service.js';
export type { IntakeResult, IncomingWebhook } from './webhook-intake.service.js';
export type {
  InboundMessageSink, InboundMediaRegistrar, InboundMediaInput, SinkMessageInput, SinkMessageResult, SinkStatusInput, SinkStatusResult,
} from './inbound-message-sink.js';
export type { ChannelsLookup } from './webhook-channels-adapter.js';

export type InboundWebhooksModuleDeps = {
  db: Db;
  queue: JobQueue;
  /** The provider that owns the `/webhooks/whatsapp` wire format (cloud-api; the fake in tests). */
  provider: MessagingProvider;
  /** The channels module's service. */
  channels: ChannelsLookup;
  /** The messages module's service (`recordInbound`, `applyStatus`). */
  sink: InboundMessageSink;
  /** The media module's service (`registerInbound`). */
  media: InboundMediaRegistrar;
  /** WEBHOOK_MAX_BODY_BYTES. */
  maxBodyBytes: number;
  /** WA_APP_SECRET. */
  fallbackAppSecret?: string | undefined;
  /** WA_WEBHOOK_VERIFY_TOKEN. */
  fallbackVerifyToken?: string | undefined;
  /** How long channel lookups (incl. the decrypted app secret) are cached. @defaultValue 30 s */
  channelCacheTtlMs?: number;
  clock?: Clock;
  logger?: Logger;
};

export type InboundWebhooksModule = ReturnType<typeof createInboundWebhooksModule>;

/**
 * Webhook intake. `routes` goes into `rootPlugins` (no API key: Meta signs instead); register the
 * `inbound.process` worker with `registerWorkers(queue)` in processes that run workers.
 */
export function createInboundWebhooksModule(deps: InboundWebhooksModuleDeps) {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? silentLogger;
  const channels = cacheWebhookChannels(webhookChannelsFrom(deps.channels), {
    ...(deps.channelCacheTtlMs === undefined ? {} : { ttlMs: deps.channelCacheTtlMs }),
  });
  const intake = new WebhookIntakeService({
    db: deps.db, queue: deps.queue, provider: deps.provider, channels, clock, logger,
    fallbackAppSecret: deps.fallbackAppSecret, fallbackVerifyToken: deps.fallbackVerifyToken,
  });
  const processInboundEvent = createProcessInboundEventHandler({
    db: deps.db, provider: deps.provider, channels, sink: deps.sink, media: deps.media, clock, logger,
  });
  return {
    intake,
    routes: inboundWebhooksRoutes({ intake, maxBodyBytes: deps.maxBodyBytes }),
    jobs: { processInboundEvent: { definition: processInboundEventJob, handler: processInboundEvent } },
    registerWorkers(queue: JobQueue): void {
      queue.work(processInboundEventJob, processInboundEvent);
    },
  };
}
