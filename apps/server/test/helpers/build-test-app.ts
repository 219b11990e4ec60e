import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import type { ApiKeyScope } from '@valeo/contracts';
import { buildHttpApp, type ReadinessCheck } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config/load-config.js';
import type { Clock } from '../../src/core/clock.js';
import { createSecretBox, type SecretBox } from '../../src/core/secret-box.js';
import { createChannelsModule, type ChannelsModule } from '../../src/modules/channels/index.js';
import { createTenantsModule, type TenantsModule } from '../../src/modules/tenants/index.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export type TestTenant = {
  tenantId: string;
  /** A full API key of that tenant. */
  apiKey: string;
  authHeader: { authorization: string };
};

/** What `extend` receives, so a module under test can be built on the same database and modules. */
export type TestAppContext = {
  database: TestDatabase;
  config: Config;
  secretBox: SecretBox;
  modules: { tenants: TenantsModule; channels: ChannelsModule };
};

export type TestAppExtension = {
  apiPlugins?: FastifyPluginAsync[];
  rootPlugins?: FastifyPluginAsync[];
  readinessChecks?: ReadinessCheck[];
};

export type BuildTestAppOptions = TestAppExtension & {
  /** Extra env for loadConfig (defaults: LOG_LEVEL=silent, SANDBOX_ENABLED=false). */
  env?: Record<string, string>;
  clock?: Clock;
  /** Auth cache TTL; 0 disables caching so revocations show immediately. @defaultValue 0 */
  authCacheTtlMs?: number;
  /** Builds more plugins from the test app's database and modules. */
  extend?: (ctx: TestAppContext) => TestAppExtension | Promise<TestAppExtension>;
};

export type TestApp = TestAppContext & TestTenant & {
  app: FastifyInstance;
  /** Creates another tenant with its own key (cross-tenant tests); admin unless scopes are given. */
  createTenant(opts?: { scopes?: ApiKeyScope[] }): Promise<TestTenant>;
  /** A key of the main tenant with only these scopes. */
  createApiKey(scopes: ApiKeyScope[]): Promise<TestTenant>;
  close(): Promise<void>;
};

/**
 * The whole HTTP app on a fresh, migrated test database (SQLite file or a PostgreSQL schema,
 * per DB_TYPE), with tenants + channels mounted, one tenant and an admin key. Use `inject`.
 */
export async function buildTestApp(opts: BuildTestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  try {
    const ctx = createContext(database, opts);
    const extension = (await opts.extend?.(ctx)) ?? {};
    const app = await buildHttpApp({
      config: ctx.config,
      logger: false,
      auth: ctx.modules.tenants.authenticator,
      readinessChecks: [databaseCheck(database), ...(opts.readinessChecks ?? []), ...(extension.readinessChecks ?? [])],
      apiPlugins: [ctx.modules.tenants.routes, ctx.modules.channels.routes, ...(opts.apiPlugins ?? []), ...(extension.apiPlugins ?? [])],
      rootPlugins: [...(opts.rootPlugins ?? []), ...(extension.rootPlugins ?? [])],
    });
    const createTenant = (o: { scopes?: ApiKeyScope[] } = {}) => newTenant(ctx, o.scopes ?? ['admin']);
    const main = await createTenant();
    return {
      ...ctx, ...main, app, createTenant,
      createApiKey: (scopes) => newKey(ctx, main.tenantId, scopes),
      close: async () => {
        await app.close();
        await database.destroy();
      },
    };
  } catch (error) {
    await database.destroy();
    throw error;
  }
}

function createContext(database: TestDatabase, opts: BuildTestAppOptions): TestAppContext {
  const config = loadConfig({ LOG_LEVEL: 'silent', SANDBOX_ENABLED: 'false', ...opts.env });
  const secretBox = createSecretBox(randomBytes(32));
  const clock = opts.clock ? { clock: opts.clock } : {};
  const tenants = createTenantsModule({ db: database.db, authCacheTtlMs: opts.authCacheTtlMs ?? 0, ...clock });
  const channels = createChannelsModule({
    db: database.db, secretBox, ...clock,
    defaults: { graphBaseUrl: config.whatsapp.graphBaseUrl, graphApiVersion: config.whatsapp.graphApiVersion },
  });
  return { database, config, secretBox, modules: { tenants, channels } };
}

async function newTenant(ctx: TestAppContext, scopes: ApiKeyScope[]): Promise<TestTenant> {
  const slug = `tenant-${randomBytes(4).toString('hex')}`;
  const tenant = await ctx.modules.tenants.tenants.createTenant({ name: slug, slug });
  return newKey(ctx, tenant.id, scopes);
}

async function newKey(ctx: TestAppContext, tenantId: string, scopes: ApiKeyScope[]): Promise<TestTenant> {
  const { key } = await ctx.modules.tenants.apiKeys.createApiKey({ tenantId, name: `test ${scopes.join(',')}`, scopes });
  return { tenantId, apiKey: key, authHeader: { authorization: `Bearer ${key}` } };
}

function databaseCheck(database: TestDatabase): ReadinessCheck {
  return { name: 'database', check: async () => void (await sql`select 1`.execute(database.db)) };
}
