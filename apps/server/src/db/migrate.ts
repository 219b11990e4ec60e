import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseHandle } from './database.js';
import { MIGRATIONS } from './migrations/index.js';
import type { HubMigration } from './migrations/migration.js';

/** Applies every pending migration; throws with the failing migration's name and cause. */
export async function migrateToLatest(handle: DatabaseHandle, migrations = MIGRATIONS): Promise<string[]> {
  const provider: MigrationProvider = {
    getMigrations: async () => bindDialect(migrations, handle.dialect),
  };
  const migrator = new Migrator({ db: handle.db, provider, ...(await migrationTableSchema(handle)) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Kysely looks for its bookkeeping tables in every schema it can see; with several schemas in one
 * PostgreSQL database (one per test file, or per deployment) it would find another schema's table.
 * Pin it to the connection's own schema.
 */
async function migrationTableSchema(handle: DatabaseHandle): Promise<{ migrationTableSchema?: string }> {
  if (handle.dialect !== 'postgres') return {};
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db);
  const schema = rows[0]?.schema;
  return schema ? { migrationTableSchema: schema } : {};
}

function bindDialect(migrations: Record<string, HubMigration>, dialect: DatabaseHandle['dialect']): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(migrations).map(([name, m]) => [
      name,
      { up: (db) => m.up(db, dialect), ...(m.down ? { down: (db) => m.down!(db, dialect) } : {}) } satisfies Migration,
    ]),
  );
}
