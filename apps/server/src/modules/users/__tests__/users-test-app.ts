import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { SESSION_COOKIE_NAME, type UserRole } from '@valeo/contracts';
import { expect } from 'vitest';
import { buildHttpApp } from '../../../app.js';
import { loadConfig } from '../../../config/load-config.js';
import { ManualClock } from '../../../core/clock.js';
import { requireScope } from '../../../http/plugins/auth.plugin.js';
import { createTenantsModule, type TenantsModule } from '../../tenants/index.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.js';
import { createUsersModule, DEFAULT_IP_LOCKOUT, type LockoutPolicy, type UsersModule } from '../index.js';

/** Probe routes with the scopes the real ones need, so role → scope checks need no channel. */
const probes: FastifyPluginAsync = async (api) => {
  api.get('/probe/read', { schema: { tags: ['test'] }, onRequest: requireScope('messages:read') }, async () => ({ ok: true }));
  api.post('/probe/send', { schema: { tags: ['test'] }, onRequest: requireScope('messages:send') }, async () => ({ ok: true }));
};

export type UsersTestApp = {
  app: FastifyInstance;
  database: TestDatabase;
  clock: ManualClock;
  tenants: TenantsModule;
  users: UsersModule;
  tenantId: string;
  adminKey: string;
  /** Creates a user of the main tenant (or `tenantId`) with this role; the password is `password`. */
  createUser(role: UserRole, opts?: { tenantId?: string; email?: string }): Promise<{ id: string; email: string; password: string }>;
  /** Signs in and returns what the browser keeps: the cookie header value and the CSRF token. */
  login(email: string, password: string): Promise<SignedIn>;
  close(): Promise<void>;
};

export type SignedIn = { cookie: string; csrfToken: string; setCookie: string; body: Record<string, unknown> };

/** The HTTP app with tenants, users and probe routes on a fresh database, with a hand-moved clock. */
export async function buildUsersTestApp(opts: { publicBaseUrl?: string; env?: Record<string, string>; ipLockout?: LockoutPolicy } = {}): Promise<UsersTestApp> {
  const database = await createTestDatabase();
  const clock = new ManualClock(new Date());
  const config = loadConfig({ LOG_LEVEL: 'silent', SANDBOX_ENABLED: 'false', ...(opts.publicBaseUrl ? { PUBLIC_BASE_URL: opts.publicBaseUrl } : {}), ...opts.env });
  const tenants = createTenantsModule({ db: database.db, clock, authCacheTtlMs: 0 });
  // Every inject comes from one address, and the other suites fail sign-ins on purpose many times:
  // only the per-IP throttle's own tests keep its real limit.
  const ipLockout = opts.ipLockout ?? { ...DEFAULT_IP_LOCKOUT, maxFailures: 10_000 };
  const users = createUsersModule({ db: database.db, clock, secureCookies: config.http.publicBaseUrl.startsWith('https://'), ipLockout });
  const app = await buildHttpApp({
    config,
    logger: false,
    auth: { authenticate: tenants.authenticator.authenticate, authenticateSession: users.authenticateSession },
    apiPlugins: [tenants.routes, users.routes, probes],
  });
  const tenant = await tenants.tenants.ensureDefaultTenant();
  const { key } = await tenants.apiKeys.createApiKey({ tenantId: tenant.id, name: 'admin', scopes: ['admin'] });
  let counter = 0;
  const result: UsersTestApp = {
    app, database, clock, tenants, users, tenantId: tenant.id, adminKey: key,
    async createUser(role, o = {}) {
      counter += 1;
      const email = o.email ?? `${role}-${counter}@example.com`;
      const password = `correct horse ${role} ${counter}`;
      const user = await users.users.createUser({ tenantId: o.tenantId ?? tenant.id, email, name: `${role} ${counter}`, password, role });
      return { id: user.id, email, password };
    },
    async login(email, password) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
      expect(res.statusCode, res.body).toBe(200);
      const setCookie = String(res.headers['set-cookie']);
      const value = new RegExp(`${SESSION_COOKIE_NAME}=([^;]+)`).exec(setCookie)?.[1];
      expect(value).toBeTruthy();
      const body = res.json<Record<string, unknown>>();
      return { cookie: `${SESSION_COOKIE_NAME}=${value}`, csrfToken: body['csrfToken'] as string, setCookie, body };
    },
    async close() {
      await app.close();
      await database.destroy();
    },
  };
  return result;
}
