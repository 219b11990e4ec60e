import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger, type Logger } from '../../src/core/logger.js';
import { startHub, type RunningHub, type StartHubOptions } from '../../src/composition/start-hub.js';
import { createDatabase } from '../../src/composition/create-database.js';
import { testDialect, testPostgresUrl } from './test-database.js';

export type TestHub = RunningHub & {
  apiKey: string;
  auth: { authorization: string };
  /** fetch against the running Hub over loopback (not for a `worker`, which has no HTTP server). */
  api(path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: unknown }>;
  /** Calls the embedded emulator's control API (`/sandbox/_emulator/...`); throws on a non-2xx answer. */
  emulator<T = unknown>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
};

/**
 * What several hubs share when they play the processes of one scaled deployment: one PostgreSQL
 * schema, one SECRETS_KEY (the worker decrypts what the API sealed), one media directory and one
 * API key. The caller stops every hub first, then calls `drop()`.
 */
export type SharedHubState = {
  postgresUrl: string;
  secretsKey: string;
  apiKey: string;
  dataDir: string;
  drop(): Promise<void>;
};

export type StartTestHubOptions = Partial<Pick<StartHubOptions, 'emulator' | 'provider' | 'queuePrefix'>> & {
  env?: Record<string, string>;
  /** PROCESS_ROLE; `api` and `worker` need `bullmq`. @defaultValue 'all' */
  role?: 'all' | 'api' | 'worker';
  /** QUEUE_DRIVER=bullmq on this Redis, with a key prefix of the test file's own. */
  bullmq?: { redisUrl: string; prefix: string };
  /** Run on this shared database instead of a fresh one (PostgreSQL only); `stop()` leaves it. */
  shared?: SharedHubState;
};

/**
 * The whole Hub as `npm start` runs it (container, HTTP on port 0, workers, embedded emulator),
 * on a fresh SQLite file or PostgreSQL schema. Emulator delays are shortened for tests. With
 * `role`, `bullmq` and `shared`, several hubs in one test process act as the api and worker
 * processes of a scaled deployment.
 */
export async function startTestHub(overrides: StartTestHubOptions = {}): Promise<TestHub> {
  const { shared } = overrides;
  const dir = shared?.dataDir ?? mkdtempSync(join(tmpdir(), 'hub-e2e-'));
  const apiKey = shared?.apiKey ?? `vhub_test_${randomBytes(24).toString('hex')}`;
  const pg = !shared && testDialect() === 'postgres' ? await createPostgresSchema() : undefined;
  const postgresUrl = shared?.postgresUrl ?? pg?.url;
  const config = loadConfig({
    NODE_ENV: 'test',
    HTTP_PORT: '0',
    LOG_LEVEL: 'silent',
    DB_TYPE: shared ? 'postgres' : testDialect(),
    DB_SQLITE_PATH: join(dir, 'hub.sqlite'),
    ...(postgresUrl ? { DB_POSTGRES_URL: postgresUrl } : {}),
    ...(shared ? { SECRETS_KEY: shared.secretsKey } : {}),
    ...(overrides.bullmq ? { QUEUE_DRIVER: 'bullmq', QUEUE_REDIS_URL: overrides.bullmq.redisUrl } : {}),
    ...(overrides.role ? { PROCESS_ROLE: overrides.role } : {}),
    MEDIA_STORAGE_PATH: join(dir, 'media'),
    AUTH_BOOTSTRAP_API_KEY: apiKey,
    ...overrides.env,
  });
  const queuePrefix = overrides.queuePrefix ?? overrides.bullmq?.prefix;
  const hub = await startHub({
    config,
    logger: testLogger(overrides.role),
    httpLogger: false,
    queuePollIntervalMs: 20,
    emulator: { statusDelaysMs: { sent: 10, delivered: 30, read: 60 }, webhookRetryDelaysMs: [50, 100, 200], ...overrides.emulator },
    ...(overrides.provider ? { provider: overrides.provider } : {}),
    ...(queuePrefix === undefined ? {} : { queuePrefix }),
  });
  const auth = { authorization: `Bearer ${apiKey}` };
  return {
    ...hub,
    apiKey,
    auth,
    async api(path, init = {}) {
      const response = await fetch(`${hub.publicBaseUrl}${path}`, {
        method: init.method ?? 'GET',
        headers: { ...auth, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
    async emulator<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
      if (!hub.app || !hub.sandbox) throw new Error('this hub has no embedded emulator (worker role or SANDBOX_ENABLED=false)');
      const response = await hub.app.inject({ method, url: `/sandbox${path}`, ...(body === undefined ? {} : { payload: body as object }) });
      if (response.statusCode >= 300) throw new Error(`emulator ${method} ${path}: ${response.statusCode} ${response.body}`);
      return response.json<T>();
    },
    async stop() {
      await hub.close();
      if (pg) await pg.drop();
      if (!shared) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Silent, unless HUB_TEST_LOG names a level (e.g. `HUB_TEST_LOG=warn`): then the hubs' logs go to stderr. */
function testLogger(role: string | undefined): Logger {
  const level = process.env.HUB_TEST_LOG;
  return level ? pino({ level, base: { role: role ?? 'all' } }, pino.destination(2)) : silentLogger;
}

/** One PostgreSQL schema, secrets key, media directory and API key for several hubs (scaled roles). */
export async function createSharedHubState(): Promise<SharedHubState> {
  const pg = await createPostgresSchema();
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-e2e-shared-'));
  return {
    postgresUrl: pg.url,
    secretsKey: randomBytes(32).toString('base64'),
    apiKey: `vhub_test_${randomBytes(24).toString('hex')}`,
    dataDir,
    async drop() {
      await pg.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function createPostgresSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `hub_e2e_${randomBytes(6).toString('hex')}`;
  const admin = await createDatabase({ type: 'postgres', sqlitePath: '', postgresUrl: testPostgresUrl(), postgresPoolSize: 1 });
  await admin.db.schema.createSchema(schema).execute();
  await admin.close();
  const url = new URL(testPostgresUrl());
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async drop() {
      const again = await createDatabase({ type: 'postgres', sqlitePath: '', postgresUrl: testPostgresUrl(), postgresPoolSize: 1 });
      await again.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await again.close();
    },
  };
}
