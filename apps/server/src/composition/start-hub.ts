import type { FastifyInstance } from 'fastify';
import { createEmulatorPlugin, DEFAULT_PERSONAS, type EmulatorOptions } from '@valeo/emulator';
import type { Config } from '../config/load-config.js';
import type { Logger } from '../core/logger.js';
import { migrateToLatest } from '../db/migrate.js';
import type { MessagingProvider } from '../providers/messaging-provider.js';
import { bootstrapSandbox, bootstrapTenant, greetFromSimulatedCustomer, type SandboxResult } from './bootstrap.js';
import { createContainer, type Container } from './create-container.js';
import { createHttpApp } from './create-http-app.js';

export type StartHubOptions = {
  config: Config;
  logger: Logger;
  /** Fastify request logging; `false` in tests. */
  httpLogger?: false | { level: string };
  provider?: MessagingProvider;
  /** Overrides for the embedded emulator (tests shorten its delays). */
  emulator?: Omit<EmulatorOptions, 'prefix'>;
  queuePollIntervalMs?: number;
  /** BullMQ Redis key prefix (QUEUE_DRIVER=bullmq); tests isolate each file with their own. */
  queuePrefix?: string;
};

export type RunningHub = {
  container: Container;
  app: FastifyInstance | undefined;
  publicBaseUrl: string;
  tenantId: string;
  initialApiKey: string | undefined;
  sandbox: SandboxResult | undefined;
  personas: typeof DEFAULT_PERSONAS;
  close(): Promise<void>;
};

/**
 * Starts the roles of this process: `all` (API + workers), `api` or `worker`. Migrates, bootstraps
 * the default tenant, mounts the emulator under /sandbox when enabled, and registers the sandbox
 * number with a webhook URL back to this Hub once it listens.
 */
export async function startHub(opts: StartHubOptions): Promise<RunningHub> {
  const { config } = opts;
  const container = await createContainer({
    config,
    logger: opts.logger,
    ...(opts.provider ? { provider: opts.provider } : {}),
    ...(opts.queuePollIntervalMs === undefined ? {} : { queuePollIntervalMs: opts.queuePollIntervalMs }),
    ...(opts.queuePrefix === undefined ? {} : { queuePrefix: opts.queuePrefix }),
  });
  await migrateToLatest(container.database);
  const { tenantId, initialApiKey } = await bootstrapTenant(container);
  const role = config.process.role;
  const sandbox = config.sandbox.enabled && role !== 'worker'
    ? createEmulatorPlugin({ personas: 'default', ...opts.emulator, prefix: '/sandbox' })
    : undefined;
  const app = role === 'worker' ? undefined : await createHttpApp(container, {
    ...(opts.httpLogger === undefined ? {} : { logger: opts.httpLogger }),
    rootPlugins: sandbox ? [async (instance) => void (await instance.register(sandbox.plugin, { prefix: '/sandbox' }))] : [],
  });
  if (role !== 'api') registerWorkers(container);
  // Every role starts the queue: with BullMQ the API role runs the outbox relay that publishes its jobs.
  await container.queue.start();
  const publicBaseUrl = app ? await listen(app, config) : config.http.publicBaseUrl;
  const sandboxInfo = app && sandbox ? await bootstrapSandbox(container, { app, tenantId, publicBaseUrl }) : undefined;
  if (app && sandboxInfo?.created) await greetFromSimulatedCustomer(app);
  return {
    container,
    app,
    publicBaseUrl,
    tenantId,
    initialApiKey,
    sandbox: sandboxInfo,
    personas: sandbox ? DEFAULT_PERSONAS : [],
    async close() {
      await app?.close();
      await container.queue.stop({ drainMs: 10_000 });
      await container.closeEvents();
      await container.closePacing();
      await container.closeProviderTransport();
      await container.database.close();
    },
  };
}

function registerWorkers(container: Container): void {
  container.messages.registerJobs(container.queue);
  container.media.registerWorkers(container.queue);
  container.inboundWebhooks.registerWorkers(container.queue);
}

/** Listens and returns the public base URL; with HTTP_PORT=0 the configured default names port 0, so use the real one. */
async function listen(app: FastifyInstance, config: Config): Promise<string> {
  const address = await app.listen({ host: config.http.host, port: config.http.port });
  if (config.http.port !== 0) return config.http.publicBaseUrl;
  const port = new URL(address).port;
  return config.http.publicBaseUrl.replace(/:0$/, `:${port}`);
}
