import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REALTIME_EVENT_NAMES, SESSION_COOKIE_NAME } from '@valeo/contracts';
import { buildHttpApp } from '../../../app.js';
import { loadConfig } from '../../../config/load-config.js';
import { InProcessEventBus } from '../../../core/events/in-process-event-bus.js';
import { eventually } from '../../../../test/helpers/eventually.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../../../../test/helpers/test-database.js';
import { createTenantsModule } from '../../tenants/index.js';
import { createUsersModule } from '../../users/index.js';
import { createInboxRealtimeModule, type InboxRealtimeModule } from '../index.js';
import { openSse, type SseClient } from './sse-client.js';

const queued = (tenantId: string, messageId: string) => ({ tenantId, channelId: 'c1', conversationId: 'v1', messageId });
const received = (tenantId: string, messageId: string) => ({ ...queued(tenantId, messageId), contactWaId: '4915100000001', type: 'text' });

describe(`GET /api/v1/events (${testDialect()})`, () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let realtime: InboxRealtimeModule;
  let bus: InProcessEventBus;
  let url: string;
  let tenantA: { id: string; key: string };
  let tenantB: { id: string; key: string };
  let cookieA: string;
  let tenants: ReturnType<typeof createTenantsModule>;
  const clients: SseClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    bus = new InProcessEventBus();
    tenants = createTenantsModule({ db: database.db, authCacheTtlMs: 0 });
    const users = createUsersModule({ db: database.db, secureCookies: false });
    realtime = createInboxRealtimeModule({ events: bus, stream: { heartbeatMs: 40 } });
    app = await buildHttpApp({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      logger: false,
      auth: { authenticate: tenants.authenticator.authenticate, authenticateSession: users.authenticateSession },
      apiPlugins: [users.routes, realtime.routes],
    });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    url = `${address}/api/v1/events`;
    const newTenant = async (slug: string) => {
      const tenant = await tenants.tenants.createTenant({ name: slug, slug });
      const { key } = await tenants.apiKeys.createApiKey({ tenantId: tenant.id, name: 'k', scopes: ['messages:read'] });
      return { id: tenant.id, key };
    };
    tenantA = await newTenant('tenant-a');
    tenantB = await newTenant('tenant-b');
    await users.users.createUser({ tenantId: tenantA.id, email: 'viewer@a.example', name: 'Viewer', password: 'viewer password 1', role: 'viewer' });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'viewer@a.example', password: 'viewer password 1' } });
    cookieA = `${SESSION_COOKIE_NAME}=${/hub_session=([^;]+)/.exec(String(login.headers['set-cookie']))?.[1]}`;
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await app.close();
    await database.destroy();
  });

  async function open(headers: Record<string, string>): Promise<SseClient> {
    const client = await openSse(url, headers);
    clients.push(client);
    return client;
  }

  it('streams text/event-stream with retry: 2000 to a signed-in user (cookie) and to an API key', async () => {
    for (const headers of [{ cookie: cookieA }, { authorization: `Bearer ${tenantA.key}` }]) {
      const client = await open(headers);
      expect(client.status).toBe(200);
      expect(client.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(client.headers['cache-control']).toContain('no-store');
      expect(client.headers['x-content-type-options']).toBe('nosniff');
      await eventually(() => expect(client.messages[0]).toEqual({ retry: 2000 }));
      client.close();
    }
  });

  it('refuses anonymous callers (401) and keys without messages:read (403)', async () => {
    expect((await open({})).status).toBe(401);
    const { key } = await tenants.apiKeys.createApiKey({ tenantId: tenantA.id, name: 'sender', scopes: ['messages:send'] });
    expect((await open({ authorization: `Bearer ${key}` })).status).toBe(403);
  });

  it("delivers the tenant's events named by type with the domain payload, and never another tenant's", async () => {
    const a = await open({ cookie: cookieA });
    const b = await open({ authorization: `Bearer ${tenantB.key}` });
    await eventually(() => expect(realtime.hub.stats().connections).toBeGreaterThanOrEqual(2));

    bus.publish('message.received', received(tenantA.id, 'in-1'));
    bus.publish('message.status-changed', { ...queued(tenantA.id, 'out-1'), status: 'delivered', previousStatus: 'sent' });
    bus.publish('message.queued', queued(tenantB.id, 'marker-b'));
    await eventually(() => expect(a.events()).toHaveLength(2));
    expect(a.events()).toEqual([
      { event: 'message.received', data: received(tenantA.id, 'in-1') },
      { event: 'message.status-changed', data: { ...queued(tenantA.id, 'out-1'), status: 'delivered', previousStatus: 'sent' } },
    ]);
    // B gets its own marker, published after A's events: had A's events leaked, they would be before it.
    await eventually(() => expect(b.events()).toHaveLength(1));
    expect(b.events()).toEqual([{ event: 'message.queued', data: queued(tenantB.id, 'marker-b') }]);
    a.close();
    b.close();
  });

  it('sends heartbeat comments while idle', async () => {
    const client = await open({ authorization: `Bearer ${tenantA.key}` });
    await eventually(() => expect(client.messages.filter((m) => m.comment === 'heartbeat').length).toBeGreaterThanOrEqual(2));
    client.close();
  });

  it('unsubscribes when the client disconnects: no connection and no bus handler is left', async () => {
    await eventually(() => expect(realtime.hub.stats().connections).toBe(0));
    const clientsNow = [await open({ cookie: cookieA }), await open({ authorization: `Bearer ${tenantB.key}` })];
    await eventually(() => expect(realtime.hub.stats()).toEqual({ connections: 2, tenants: 2, busSubscriptions: REALTIME_EVENT_NAMES.length }));
    // The signed-in user counts as online (auto-assignment's presence); an API key is nobody.
    expect(realtime.hub.onlineUserIds(tenantA.id).size).toBe(1);
    expect(realtime.hub.onlineUserIds(tenantB.id).size).toBe(0);
    for (const client of clientsNow) client.close();
    await eventually(() => expect(realtime.hub.stats()).toEqual({ connections: 0, tenants: 0, busSubscriptions: 0 }));
    expect(realtime.hub.onlineUserIds(tenantA.id).size).toBe(0);
  });

  it('ends an open stream at the next heartbeat once its API key is revoked', async () => {
    const { apiKey, key } = await tenants.apiKeys.createApiKey({ tenantId: tenantA.id, name: 'short-lived', scopes: ['messages:read'] });
    const stream = await open({ authorization: `Bearer ${key}` });
    const other = await open({ authorization: `Bearer ${tenantA.key}` });
    await eventually(() => expect(stream.messages.some((m) => m.comment === 'heartbeat')).toBe(true));
    expect(stream.ended).toBe(false);
    await tenants.apiKeys.revokeApiKey(tenantA.id, apiKey.id);
    await eventually(() => expect(stream.ended).toBe(true));
    await eventually(() => expect(other.messages.filter((m) => m.comment === 'heartbeat').length).toBeGreaterThan(3));
    expect(other.ended).toBe(false);
    other.close();
  });

  it('ends an open stream once its session signs out, and the session cannot open another', async () => {
    const stream = await open({ cookie: cookieA });
    await eventually(() => expect(stream.messages.length).toBeGreaterThan(0));
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: cookieA, 'x-csrf-token': await csrfOf(cookieA) } });
    expect(out.statusCode).toBe(204);
    await eventually(() => expect(stream.ended).toBe(true));
    expect((await open({ cookie: cookieA })).status).toBe(401);
  });

  async function csrfOf(cookie: string): Promise<string> {
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    return me.json<{ csrfToken: string }>().csrfToken;
  }
});

describe('shutdown with open streams', () => {
  it('app.close() ends open streams instead of hanging', async () => {
    const bus = new InProcessEventBus();
    const realtime = createInboxRealtimeModule({ events: bus });
    const app = await buildHttpApp({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      logger: false,
      auth: { authenticate: async (key) => (key === 'k' ? { tenantId: 't', apiKeyId: 'k', scopes: ['messages:read'] } : null) },
      apiPlugins: [realtime.routes],
    });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const client = await openSse(`${address}/api/v1/events`, { authorization: 'Bearer k' });
    expect(client.status).toBe(200);
    await eventually(() => expect(realtime.hub.stats().connections).toBe(1));
    await app.close();
    expect(realtime.hub.stats().connections).toBe(0);
    client.close();
  });
});
