import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createDatabase, type DatabaseOptions } from '../../src/composition/create-database.js';
import type { DatabaseHandle, DialectName } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

/**
 * A fresh, migrated database per test file: a temp SQLite file, or a `hub_test_<random>` schema
 * on PostgreSQL when DB_TYPE=postgres (scripts/run-tests.mjs runs the suite once per dialect).
 */
export type TestDatabase = DatabaseHandle & {
  /** The options that opened it, so a test can open a second handle (a "restarted" process). */
  options: DatabaseOptions;
  /** Closes and deletes everything it created. */
  destroy(): Promise<void>;
};

export function testDialect(): DialectName {
  return process.env.DB_TYPE === 'postgres' ? 'postgres' : 'sqlite';
}

export function testPostgresUrl(): string {
  return process.env.DB_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

export async function createTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const options = testDialect() === 'postgres' ? await createPostgresSchema() : createSqliteFile();
  const handle = await createDatabase(options);
  if (opts.migrate !== false) await migrateToLatest(handle);
  return { ...handle, options, destroy: () => destroyTestDatabase(handle, options) };
}

function createSqliteFile(): DatabaseOptions {
  const dir = mkdtempSync(join(tmpdir(), 'hub-test-'));
  return { type: 'sqlite', sqlitePath: join(dir, 'hub.sqlite') };
}

async function createPostgresSchema(): Promise<DatabaseOptions> {
  const schema = `hub_test_${randomBytes(6).toString('hex')}`;
  const admin = await createDatabase({ type: 'postgres', sqlitePath: '', postgresUrl: testPostgresUrl(), postgresPoolSize: 1 });
  try {
    await admin.db.schema.createSchema(schema).execute();
  } finally {
    await admin.close();
  }
  return { type: 'postgres', sqlitePath: '', postgresUrl: testPostgresUrl(), postgresSchema: schema, postgresPoolSize: 5 };
}

async function destroyTestDatabase(handle: DatabaseHandle, options: DatabaseOptions): Promise<void> {
  await handle.close();
  if (options.type === 'sqlite') {
    rmSync(dirname(options.sqlitePath), { recursive: true, force: true });
    return;
  }
  const { postgresSchema, ...withoutSchema } = options;
  if (!postgresSchema) return;
  const admin = await createDatabase({ ...withoutSchema, postgresPoolSize: 1 });
  try {
    await admin.db.schema.dropSchema(postgresSchema).ifExists().cascade().execute();
  } finally {
    await admin.close();
  }
}
