import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import { buildHttpApp, type ReadinessCheck } from '../app.js';
import { registerConversationsRoutes } from '../modules/conversations/index.js';
import { serveWeb } from '../http/serve-web.js';
import type { Container } from './create-container.js';

export type HttpAppOptions = {
  /** Extra root plugins, e.g. the embedded emulator under /sandbox. */
  rootPlugins?: readonly FastifyPluginAsync[];
  /** The built web app served at `/`; default apps/web/dist (the placeholder page when not built). */
  webRoot?: string;
  /** `false` silences request logs (tests). */
  logger?: false | { level: string };
};

/** Wires every module's routes into the HTTP app. */
export async function createHttpApp(container: Container, opts: HttpAppOptions = {}): Promise<FastifyInstance> {
  const { tenants, channels, messages, media, inboundWebhooks, contacts, conversations, clock, users, inboxRealtime } = container;
  const apiPlugins: FastifyPluginAsync[] = [
    tenants.routes,
    users.routes,
    inboxRealtime.routes,
    container.conversationWork.routes,
    channels.routes,
    media.routes,
    container.quickReplies.routes,
    container.templates.routes,
    ...container.labelsAndNotes.routes,
    container.teams.routes,
    async (api) => {
      messages.registerRoutes(api);
      registerConversationsRoutes(api, {
        conversations, contacts, team: users.directory, labels: container.labelsAndNotes.conversationLabels, clock, dialect: container.database.dialect,
      });
    },
  ];
  return buildHttpApp({
    config: container.config,
    ...(opts.logger === undefined ? {} : { logger: opts.logger }),
    // An API key, or else the session cookie of a signed-in user.
    auth: { authenticate: tenants.authenticator.authenticate, authenticateSession: users.authenticateSession },
    readinessChecks: readinessChecks(container),
    apiPlugins,
    rootPlugins: [inboundWebhooks.routes, ...(opts.rootPlugins ?? []), async (app) => serveWeb(app, opts.webRoot === undefined ? {} : { root: opts.webRoot })],
  });
}

function readinessChecks(container: Container): ReadinessCheck[] {
  return [
    { name: 'database', check: async () => void (await sql`select 1`.execute(container.database.db)) },
    {
      name: 'queue',
      check: async () => {
        if (container.queue.stats) await container.queue.stats();
      },
    },
  ];
}
