import { sql, type Kysely, type Transaction } from 'kysely';
import type { DatabaseHandle } from './database.js';
import { MIGRATIONS } from './migrations/index.js';
import type { HubMigration } from './migrations/migration.js';

const MIGRATIONS_TABLE = 'hub_migrations';

/**
 * Applies every pending migration, in name order, in one transaction; returns the names applied.
 *
 * Our own small runner instead of Kysely's Migrator: the Migrator checks for its bookkeeping table by
 * introspecting every schema of the database, which fails when another schema is being created or
 * dropped at the same moment (several test files, or several deployments, sharing one PostgreSQL
 * database). Here the lock is a PostgreSQL advisory lock (SQLite: the write transaction itself), and
 * both dialects run DDL transactionally, so a failed migration leaves nothing half-applied.
 */
export async function migrateToLatest(handle: DatabaseHandle, migrations: Record<string, HubMigration> = MIGRATIONS): Promise<string[]> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bookkeeping table is not part of the app schema
  const db = handle.db as unknown as Kysely<any>;
  return db.transaction().execute(async (trx) => {
    if (handle.dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext('hub_migrations'))`.execute(trx);
    await trx.schema
      .createTable(MIGRATIONS_TABLE)
      .ifNotExists()
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .execute();
    const applied = new Set((await trx.selectFrom(MIGRATIONS_TABLE).select('name').execute()).map((r) => String(r.name)));
    const unknown = [...applied].filter((name) => !(name in migrations));
    if (unknown.length > 0) {
      throw new Error(`Database migration failed: the database has migrations this code does not know (${unknown.join(', ')}); is it newer code's database?`);
    }
    return applyPending(trx, handle.dialect, migrations, applied);
  });
}

async function applyPending(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  trx: Transaction<any>,
  dialect: DatabaseHandle['dialect'],
  migrations: Record<string, HubMigration>,
  applied: Set<string>,
): Promise<string[]> {
  const pending = Object.keys(migrations).sort().filter((name) => !applied.has(name));
  for (const name of pending) {
    try {
      await migrations[name]!.up(trx, dialect);
    } catch (error) {
      throw new Error(`Database migration ${name} failed: ${String(error)}`, { cause: error });
    }
    await trx.insertInto(MIGRATIONS_TABLE).values({ name, applied_at: new Date().toISOString() }).execute();
  }
  return pending;
}
