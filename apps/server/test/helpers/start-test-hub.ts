import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/core/logger.js';
import { startHub, type RunningHub, type StartHubOptions } from '../../src/composition/start-hub.js';
import { createDatabase } from '../../src/composition/create-database.js';
import { testDialect, testPostgresUrl } from './test-database.js';

export type TestHub = RunningHub & {
  apiKey: string;
  auth: { authorization: string };
  /** fetch against the running Hub over loopback. */
  api(path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
};

/**
 * The whole Hub as `npm start` runs it (container, HTTP on port 0, workers, embedded emulator),
 * on a fresh SQLite file or PostgreSQL schema. Emulator delays are shortened for tests.
 */
export async function startTestHub(overrides: Partial<Pick<StartHubOptions, 'emulator' | 'provider'>> & { env?: Record<string, string> } = {}): Promise<TestHub> {
  const dir = mkdtempSync(join(tmpdir(), 'hub-e2e-'));
  const apiKey = `vhub_test_${randomBytes(24).toString('hex')}`;
  const pg = testDialect() === 'postgres' ? await createPostgresSchema() : undefined;
  const config = loadConfig({
    NODE_ENV: 'test',
    HTTP_PORT: '0',
    LOG_LEVEL: 'silent',
    DB_TYPE: testDialect(),
    DB_SQLITE_PATH: join(dir, 'hub.sqlite'),
    ...(pg ? { DB_POSTGRES_URL: pg.url } : {}),
    MEDIA_STORAGE_PATH: join(dir, 'media'),
    AUTH_BOOTSTRAP_API_KEY: apiKey,
    ...overrides.env,
  });
  const hub = await startHub({
    config,
    logger: silentLogger,
    httpLogger: false,
    queuePollIntervalMs: 20,
    emulator: { statusDelaysMs: { sent: 10, delivered: 30, read: 60 }, webhookRetryDelaysMs: [50, 100, 200], ...overrides.emulator },
    ...(overrides.provider ? { provider: overrides.provider } : {}),
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
    async stop() {
      await hub.close();
      if (pg) await pg.drop();
      rmSync(dir, { recursive: true, force: true });
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
