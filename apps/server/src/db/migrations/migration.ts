import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * A migration receives the dialect so one migration set serves SQLite and PostgreSQL.
 * Migrations use `Kysely<any>` on purpose: they describe the schema at their point in
 * history, not the current `Database` type.
 */
export type HubMigration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>, dialect: DialectName): Promise<void>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  down?(db: Kysely<any>, dialect: DialectName): Promise<void>;
};
