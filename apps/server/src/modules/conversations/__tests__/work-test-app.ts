import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE_NAME, type UserRole } from '@valeo/contracts';
import { expect } from 'vitest';
import { buildHttpApp } from '../../../app.js';
import { loadConfig } from '../../../config/load-config.js';
import { ManualClock } from '../../../core/clock.js';
import { InProcessEventBus } from '../../../core/events/in-process-event-bus.js';
import { createSecretBox } from '../../../core/secret-box.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.js';
import { createChannelsModule } from '../../channels/index.js';
import { createContactsService } from '../../contacts/index.js';
import { createInboxRealtimeModule, type InboxRealtimeModule } from '../../inbox-realtime/index.js';
import { createTenantsModule } from '../../tenants/index.js';
import { createUsersModule } from '../../users/index.js';
import { createTeamsModule, type TeamsService } from '../../teams/index.js';
import { createConversationsService, createConversationWorkModule, registerConversationsRoutes, type ConversationWorkModule } from '../index.js';


/** Labels are the labels module's concern (tested there); these views carry none. */
const noLabels = async () => new Map<string, never[]>();
export type Headers = Record<string, string>;

export type WorkTestApp = {
  app: FastifyInstance;
  database: TestDatabase;
  clock: ManualClock;
  bus: InProcessEventBus;
  realtime: InboxRealtimeModule;
  work: ConversationWorkModule;
  teams: TeamsService;
  tenantId: string;
  channelId: string;
  /** An admin API key of the main tenant. */
  adminKey: Headers;
  createTenant(): Promise<{ tenantId: string; channelId: string; adminKey: Headers }>;
  createChannel(tenantId: string): Promise<string>;
  /** A user with this role, signed in: the headers a browser would send (cookie + CSRF token). */
  signIn(role: UserRole, opts?: { tenantId?: string; name?: string }): Promise<{ id: string; headers: Headers }>;
  /** A conversation with one message at `at` (inbound: unread 1). */
  conversation(opts?: { tenantId?: string; channelId?: string; at?: Date; inbound?: boolean }): Promise<string>;
  close(): Promise<void>;
};

/** Tenants, users, channels, the conversations routes and work management on a fresh database. */
export async function buildWorkTestApp(): Promise<WorkTestApp> {
  const database = await createTestDatabase();
  const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
  const config = loadConfig({ LOG_LEVEL: 'silent', SANDBOX_ENABLED: 'false' });
  const db = database.db;
  const bus = new InProcessEventBus();
  const tenants = createTenantsModule({ db, clock, authCacheTtlMs: 0 });
  const users = createUsersModule({ db, clock, secureCookies: false });
  const channels = createChannelsModule({
    db, clock, secretBox: createSecretBox(randomBytes(32)),
    defaults: { graphBaseUrl: config.whatsapp.graphBaseUrl, graphApiVersion: config.whatsapp.graphApiVersion },
  });
  const contacts = createContactsService(db);
  const conversations = createConversationsService(db);
  const realtime = createInboxRealtimeModule({ events: bus });
  const work = createConversationWorkModule({
    db, events: bus, clock, team: users.directory, presence: realtime.presence, channels: channels.service, contacts, labels: noLabels,
  });
  const teams = createTeamsModule({ db, clock, users: users.directory, events: bus });
  const app = await buildHttpApp({
    config,
    logger: false,
    auth: { authenticate: tenants.authenticator.authenticate, authenticateSession: users.authenticateSession },
    apiPlugins: [tenants.routes, users.routes, channels.routes, realtime.routes, work.routes, teams.routes, async (api) => {
      registerConversationsRoutes(api, { conversations, contacts, team: users.directory, labels: noLabels, clock, dialect: database.dialect });
    }],
  });

  let channelCount = 0;
  const createChannel = async (tenantId: string) => {
    channelCount += 1;
    const n = `${randomBytes(4).readUInt32BE() % 1_000_000}${channelCount}`;
    return (await channels.service.createChannel({
      tenantId, name: `Channel ${n}`, provider: 'cloud-api', phoneNumberId: `10${n}`, wabaId: `20${n}`, displayPhoneNumber: '+49 151 0000000',
      accessToken: `token-${n}`, appSecret: `secret-${n}`, webhookVerifyToken: `verify-${n}`,
    })).id;
  };
  const createTenant = async () => {
    const slug = `t-${randomBytes(4).toString('hex')}`;
    const tenant = await tenants.tenants.createTenant({ name: slug, slug });
    const { key } = await tenants.apiKeys.createApiKey({ tenantId: tenant.id, name: 'admin', scopes: ['admin'] });
    return { tenantId: tenant.id, channelId: await createChannel(tenant.id), adminKey: { authorization: `Bearer ${key}` } };
  };
  const main = await createTenant();
  let counter = 0;
  return {
    app, database, clock, bus, realtime, work, teams: teams.service, ...main, createTenant, createChannel,
    async signIn(role, o = {}) {
      counter += 1;
      const email = `${role}-${counter}@example.com`;
      const password = `correct horse ${role} ${counter}`;
      const user = await users.users.createUser({ tenantId: o.tenantId ?? main.tenantId, email, name: o.name ?? `${role} ${counter}`, password, role });
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
      expect(res.statusCode, res.body).toBe(200);
      const token = new RegExp(`${SESSION_COOKIE_NAME}=([^;]+)`).exec(String(res.headers['set-cookie']))?.[1];
      const csrfToken = res.json<{ csrfToken: string }>().csrfToken;
      return { id: user.id, headers: { cookie: `${SESSION_COOKIE_NAME}=${token}`, 'x-csrf-token': csrfToken } };
    },
    async conversation(o = {}) {
      counter += 1;
      const tenantId = o.tenantId ?? main.tenantId;
      const now = o.at ?? clock.now();
      const contact = await contacts.upsert({ tenantId, waId: `4915100${String(counter).padStart(6, '0')}`, now });
      const inbound = o.inbound ?? true;
      const c = await conversations.touch({ tenantId, channelId: o.channelId ?? main.channelId, contactId: contact.id, now, messageAt: now, preview: `hello ${counter}`, inbound });
      return c.id;
    },
    async close() {
      await app.close();
      await database.destroy();
    },
  };
}
