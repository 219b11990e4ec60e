import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database, DatabaseHandle, DialectName } from '../db/database.js';

export type DatabaseOptions = {
  type: DialectName;
  /** SQLite file path, or ':memory:'. */
  sqlitePath: string;
  postgresUrl?: string | undefined;
  postgresPoolSize?: number;
  postgresStatementTimeoutMs?: number;
  /** Puts every unqualified table into this schema (tests isolate per file with it). */
  postgresSchema?: string;
};

/** Opens the database named by config. The only place that names Kysely dialects. */
export async function createDatabase(opts: DatabaseOptions): Promise<DatabaseHandle> {
  return opts.type === 'postgres' ? createPostgres(opts) : createSqlite(opts);
}

async function createSqlite(opts: DatabaseOptions): Promise<DatabaseHandle> {
  const { default: SqliteDatabase } = await import('better-sqlite3');
  if (opts.sqlitePath !== ':memory:') mkdirSync(dirname(opts.sqlitePath), { recursive: true });
  const sqlite = new SqliteDatabase(opts.sqlitePath);
  // WAL lets readers proceed during a write; busy_timeout makes a second process wait instead of failing.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

async function createPostgres(opts: DatabaseOptions): Promise<DatabaseHandle> {
  if (!opts.postgresUrl) throw new Error('DB_POSTGRES_URL is required when DB_TYPE=postgres');
  const { default: pg } = await import('pg');
  const settings = [`-c statement_timeout=${opts.postgresStatementTimeoutMs ?? 30_000}`];
  // An `options` parameter in the URL (e.g. `-c search_path=…`) would be replaced by ours: keep it.
  const urlOptions = new URL(opts.postgresUrl).searchParams.get('options');
  if (urlOptions) settings.unshift(urlOptions);
  if (opts.postgresSchema) settings.push(`-c search_path=${opts.postgresSchema}`);
  const pool = new pg.Pool({
    connectionString: opts.postgresUrl,
    max: opts.postgresPoolSize ?? 10,
    options: settings.join(' '),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
