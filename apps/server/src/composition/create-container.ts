import type { Config } from '../config/load-config.js';
import { resolveSecretsKey } from '../config/secrets-key.js';
import { systemClock, type Clock } from '../core/clock.js';
import type { EventBus } from '../core/events/event-bus.js';
import type { Logger } from '../core/logger.js';
import { createSecretBox } from '../core/secret-box.js';
import type { DatabaseHandle } from '../db/database.js';
import { TransactionBatcher } from '../db/transaction-batcher.js';
import { createChannelsModule } from '../modules/channels/index.js';
import { createContactsService } from '../modules/contacts/index.js';
import { createConversationsService, createConversationWorkModule } from '../modules/conversations/index.js';
import { createInboundWebhooksModule } from '../modules/inbound-webhooks/index.js';
import { createInboxRealtimeModule } from '../modules/inbox-realtime/index.js';
import { createMediaModule, FilesystemMediaStorage } from '../modules/media/index.js';
import { ChannelCircuitBreaker, createMessagesModule } from '../modules/messages/index.js';
import { createQuickRepliesModule } from '../modules/quick-replies/index.js';
import { createTemplatesModule } from '../modules/templates/index.js';
import { createTenantsModule } from '../modules/tenants/index.js';
import { createUsersModule, DEFAULT_IP_LOCKOUT } from '../modules/users/index.js';
import { createLabelsAndNotes } from './create-labels-notes.js';
import { createTeamsModule } from '../modules/teams/index.js';
import { CloudApiProvider } from '../providers/cloud-api/cloud-api.provider.js';
import { createGraphDispatcher } from '../providers/cloud-api/graph-json-call.js';
import type { MessagingProvider } from '../providers/messaging-provider.js';
import { createProviderRegistry } from '../providers/provider-registry.js';
import type { JobQueue } from '../queue/job-queue.js';
import { createDatabase } from './create-database.js';
import { createEventBus } from './create-event-bus.js';
import { createSendPacing } from './create-send-pacer.js';
import type { SendPacer } from '../modules/messages/index.js';
import { cachedChannelAccess } from './cached-channel-access.js';

/** How long the send path trusts a channel's decrypted credentials before reading them again. */
const CHANNEL_CONTEXT_TTL_MS = 10_000;
import { createJobQueue } from './create-job-queue.js';

export type ContainerOptions = {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** Tests swap the Cloud API provider for the fake. */
  provider?: MessagingProvider;
  /** Tests tune the poller. */
  queuePollIntervalMs?: number;
  /** BullMQ Redis key prefix; tests use one per file (`test-${randomUUID()}`). @defaultValue 'valeo' */
  queuePrefix?: string;
};

export type Container = Awaited<ReturnType<typeof createContainer>>;

/**
 * The composition root: the only place that names concrete adapters (house rule 7). Builds the
 * database, queue, providers and every module; `main.ts` decides which roles to start.
 */
export async function createContainer(opts: ContainerOptions) {
  const { config, logger } = opts;
  const clock = opts.clock ?? systemClock;
  const database = await openDatabase(config);
  const queue = await createJobQueue({
    driver: config.queue.driver,
    database,
    redisUrl: config.queue.redisUrl,
    ...(opts.queuePrefix === undefined ? {} : { prefix: opts.queuePrefix }),
    logger,
    clock,
    ...(opts.queuePollIntervalMs === undefined ? {} : { inProcess: { pollIntervalMs: opts.queuePollIntervalMs } }),
  });
  const eventBus = await createEventBus({
    driver: config.queue.driver,
    redisUrl: config.queue.redisUrl,
    prefix: opts.queuePrefix,
    logger: logger.child({ component: 'events' }),
  });
  const events = eventBus.bus;
  // The keep-alive pool for Graph calls is owned here so shutdown can close its sockets.
  const graphDispatcher = createGraphDispatcher();
  const provider = opts.provider ?? new CloudApiProvider({ timeoutMs: config.whatsapp.sendTimeoutMs, dispatcher: graphDispatcher });
  const providers = createProviderRegistry([provider]);
  const pacing = await createSendPacing({
    ratePerSecond: config.whatsapp.sendRatePerSecond,
    clock,
    driver: config.queue.driver,
    redisUrl: config.queue.redisUrl,
    prefix: opts.queuePrefix,
    logger: logger.child({ component: 'send-pacer' }),
  });
  const modules = createModules({ config, logger, clock, database, queue, events, provider, providers, sendPacer: pacing.pacer });
  return {
    config, logger, clock, database, queue, events, closeEvents: eventBus.close, closePacing: pacing.close, provider, providers, ...modules,
    /** Closes the Graph keep-alive pool; waits only for calls still in flight (bounded by their timeout). */
    closeProviderTransport: (): Promise<void> => graphDispatcher.close(),
  };
}

async function openDatabase(config: Config): Promise<DatabaseHandle> {
  return createDatabase({
    type: config.db.type,
    sqlitePath: config.db.sqlitePath,
    postgresUrl: config.db.postgresUrl,
    postgresPoolSize: config.db.postgresPoolSize,
    postgresStatementTimeoutMs: config.db.postgresStatementTimeoutMs,
    postgresNamedStatements: config.db.postgresNamedStatements,
  });
}

type ModuleDeps = {
  config: Config;
  logger: Logger;
  clock: Clock;
  database: DatabaseHandle;
  queue: JobQueue;
  events: EventBus;
  provider: MessagingProvider;
  providers: ReturnType<typeof createProviderRegistry>;
  sendPacer: SendPacer | undefined;
};

function createModules({ config, logger, clock, database, queue, events, provider, providers, sendPacer }: ModuleDeps) {
  const db = database.db;
  const secretBox = createSecretBox(resolveSecretsKey(config).key);
  const tenants = createTenantsModule({ db, clock, logger: logger.child({ module: 'tenants' }) });
  const channels = createChannelsModule({
    db,
    secretBox,
    clock,
    logger: logger.child({ module: 'channels' }),
    defaults: { graphBaseUrl: config.whatsapp.graphBaseUrl, graphApiVersion: config.whatsapp.graphApiVersion },
  });
  const contacts = createContactsService(db);
  const conversations = createConversationsService(db);
  const media = createMediaModule({
    db, queue, clock, events, logger: logger.child({ module: 'media' }),
    storage: new FilesystemMediaStorage(config.media.storagePath),
    channels: channels.service, providers, maxBytes: config.media.maxBytes,
  });
  const messages = createMessagesModule({
    db, queue, clock, events, logger: logger.child({ module: 'messages' }), media: media.service,
    // Group commit for queueing and send bookkeeping; PostgreSQL commits batches on several connections.
    writes: new TransactionBatcher(db, { parallelism: database.dialect === 'postgres' ? 4 : 1 }),
    // Pauses a channel's sends after a refused token or repeated 5xx/timeouts (RELIABILITY.md OUT-08/09).
    circuit: new ChannelCircuitBreaker({ clock }),
    channels: cachedChannelAccess(channels.service, { ttlMs: CHANNEL_CONTEXT_TTL_MS, clock }), contacts, conversations, providerFor: () => provider,
    ...(sendPacer ? { sendPacer } : {}),
  });
  const inboundWebhooks = createInboundWebhooksModule({
    db, queue, clock, provider, logger: logger.child({ module: 'inbound-webhooks' }),
    channels: channels.service, sink: messages.service, media: media.service,
    maxBodyBytes: config.whatsapp.webhookMaxBodyBytes,
    fallbackAppSecret: config.whatsapp.appSecret,
    fallbackVerifyToken: config.whatsapp.webhookVerifyToken,
  });
  const users = createUsersModule({
    db, clock, logger: logger.child({ module: 'users' }), secureCookies: config.http.publicBaseUrl.startsWith('https://'),
    ipLockout: { ...DEFAULT_IP_LOCKOUT, maxFailures: config.auth.loginIpMaxFailures },
  });
  const quickReplies = createQuickRepliesModule({ db, clock });
  const templates = createTemplatesModule({ channels: channels.service, providers });
  const inboxRealtime = createInboxRealtimeModule({ events, logger: logger.child({ module: 'inbox-realtime' }) });
  const labelsAndNotes = createLabelsAndNotes({ db, clock, events, contacts, conversations, users });
  const conversationWork = createConversationWorkModule({
    db, events, clock, team: users.directory, presence: inboxRealtime.presence, channels: channels.service, contacts,
    labels: labelsAndNotes.conversationLabels,
    logger: logger.child({ module: 'conversation-work' }),
  });
  // Reacts to inbound messages processed in this process; presence is this process's SSE streams.
  conversationWork.autoAssigner.listen();
  const teams = createTeamsModule({ db, clock, users: users.directory, events });
  return { tenants, channels, contacts, conversations, messages, media, quickReplies, templates, inboundWebhooks, users, inboxRealtime, conversationWork, labelsAndNotes, teams };
}
