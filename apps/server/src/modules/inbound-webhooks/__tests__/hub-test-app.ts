import { buildEmulatorApp } from '@valeo/emulator';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, type TestApp } from '../../../../test/helpers/build-test-app.js';
import { systemClock } from '../../../core/clock.js';
import { InProcessEventBus } from '../../../core/events/in-process-event-bus.js';
import { silentLogger } from '../../../core/logger.js';
import { CloudApiProvider } from '../../../providers/cloud-api/cloud-api.provider.js';
import type { MessagingProvider } from '../../../providers/messaging-provider.js';
import { createProviderRegistry } from '../../../providers/provider-registry.js';
import { InProcessJobQueue } from '../../../queue/in-process/in-process-job-queue.js';
import type { Channel } from '../../channels/index.js';
import { createContactsService } from '../../contacts/index.js';
import { createConversationsService } from '../../conversations/index.js';
import { createMediaModule, InMemoryMediaStorage, type MediaModule } from '../../media/index.js';
import { createMessagesModule, type MessagesModule } from '../../messages/index.js';
import { createInboundWebhooksModule, type InboundWebhooksModule } from '../index.js';

/** The emulator on port 0 with fast, automatic status webhooks; `control` calls its /_emulator API. */
export type TestEmulator = {
  app: FastifyInstance;
  baseUrl: string;
  /** Every request the emulator served, as `METHOD path`. */
  requests: string[];
  control<T = Record<string, unknown>>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
};

export type HubTestApp = TestApp & {
  queue: InProcessJobQueue;
  storage: InMemoryMediaStorage;
  provider: MessagingProvider;
  messages: MessagesModule;
  media: MediaModule;
  inbound: InboundWebhooksModule;
  emulator: TestEmulator;
  /** A Cloud API channel of `tenantId` (default: the main tenant) pointing at the emulator. */
  createChannel(opts: ChannelOptions): Promise<Channel>;
  /** Listens on port 0 (for the emulator's webhooks) and answers the callback URL. */
  listen(): Promise<string>;
};

export type ChannelOptions = {
  phoneNumberId: string;
  appSecret: string;
  tenantId?: string;
  wabaId?: string;
  verifyToken?: string;
  /** Also register the number in the emulator, with its webhooks going to `webhookUrl`. */
  registerInEmulator?: { webhookUrl: string | null };
};

export const ACCESS_TOKEN = 'test-access-token';

async function startEmulator(): Promise<TestEmulator> {
  const app = await buildEmulatorApp({
    statusDelaysMs: { sent: 5, delivered: 10, read: 15 }, throughputPerSecond: 0, webhookRetryDelaysMs: [50, 100, 200],
  });
  const requests: string[] = [];
  app.addHook('onRequest', async (request) => { requests.push(`${request.method} ${request.url}`); });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  async function control<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${baseUrl}${path}`, {
      method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`emulator ${method} ${path} → ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }
  return { app, baseUrl, requests, control };
}

/**
 * The whole Hub as `main` will compose it for webhook intake and media: buildTestApp (tenants,
 * channels, auth) + messages, media and inbound-webhooks on an in-process queue, the Cloud API
 * provider, and the emulator as Meta. The queue is not started; tests start it when they want work done.
 */
export async function buildHubTestApp(opts: { env?: Record<string, string>; channelCacheTtlMs?: number } = {}): Promise<HubTestApp> {
  const emulator = await startEmulator();
  const provider = new CloudApiProvider({ timeoutMs: 5_000 });
  const registry = createProviderRegistry([provider]);
  const storage = new InMemoryMediaStorage();
  let parts: { queue: InProcessJobQueue; messages: MessagesModule; media: MediaModule; inbound: InboundWebhooksModule } | undefined;
  const testApp = await buildTestApp({
    ...(opts.env ? { env: opts.env } : {}),
    extend: ({ database, config, modules }) => {
      const db = database.db;
      const queue = new InProcessJobQueue({ database, pollIntervalMs: 10 });
      const events = new InProcessEventBus();
      const common = { db, queue, clock: systemClock, logger: silentLogger };
      const messages = createMessagesModule({
        ...common, events, channels: modules.channels.service,
        contacts: createContactsService(db), conversations: createConversationsService(db), providerFor: () => provider,
      });
      const media = createMediaModule({ ...common, events, storage, channels: modules.channels.service, providers: registry, maxBytes: config.media.maxBytes });
      const inbound = createInboundWebhooksModule({
        ...common, provider, channels: modules.channels.service, sink: messages.service, media: media.service,
        maxBodyBytes: config.whatsapp.webhookMaxBodyBytes, fallbackAppSecret: config.whatsapp.appSecret,
        fallbackVerifyToken: config.whatsapp.webhookVerifyToken, channelCacheTtlMs: opts.channelCacheTtlMs ?? 0,
      });
      messages.registerJobs(queue);
      media.registerWorkers(queue);
      inbound.registerWorkers(queue);
      parts = { queue, messages, media, inbound };
      return { apiPlugins: [media.routes, async (api) => messages.registerRoutes(api)], rootPlugins: [inbound.routes] };
    },
  });
  const built = parts!;
  let listening: string | undefined;
  return {
    ...testApp, ...built, storage, provider, emulator,
    async createChannel(o) {
      const channel = await testApp.modules.channels.service.createChannel({
        tenantId: o.tenantId ?? testApp.tenantId, name: `channel ${o.phoneNumberId}`, provider: 'cloud-api',
        phoneNumberId: o.phoneNumberId, wabaId: o.wabaId ?? `9${o.phoneNumberId}`, displayPhoneNumber: `+49 30 ${o.phoneNumberId}`,
        accessToken: ACCESS_TOKEN, appSecret: o.appSecret, webhookVerifyToken: o.verifyToken ?? `verify-${o.phoneNumberId}`,
        graphBaseUrl: emulator.baseUrl,
      });
      if (o.registerInEmulator) {
        await emulator.control('POST', '/_emulator/phone-numbers', {
          phoneNumberId: channel.phoneNumberId, wabaId: channel.wabaId, displayPhoneNumber: channel.displayPhoneNumber,
          accessToken: ACCESS_TOKEN, appSecret: o.appSecret, webhookUrl: o.registerInEmulator.webhookUrl,
        });
      }
      return channel;
    },
    async listen() {
      listening ??= await testApp.app.listen({ port: 0, host: '127.0.0.1' });
      return `${listening}/webhooks/whatsapp`;
    },
    async close() {
      await built.queue.stop({ drainMs: 0 });
      await emulator.app.close();
      await testApp.close();
    },
  };
}
