import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

export type { Database } from './schema.js';

import type { DialectName } from './dialect.js';

export type { DialectName } from './dialect.js';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Anything a repository can run a query on: the pool or an open transaction. */
export type DbExecutor = Kysely<Database> | Transaction<Database>;

/** An open database plus the facts about it that dialect-aware code needs. */
export type DatabaseHandle = {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
};

/** Runs `fn` in a transaction, or inside the caller's one when `executor` already is a transaction. */
export async function inTransaction<T>(executor: DbExecutor, fn: (trx: Trx) => Promise<T>): Promise<T> {
  if (executor.isTransaction) return fn(executor as Trx);
  return executor.transaction().execute(fn);
}
