import { sql } from 'kysely';
import { jsonType, timestampType } from '../column-types.js';
import type { HubMigration } from './migration.js';

/**
 * The transactional outbox of the BullMQ driver (ADR 0001): `enqueue({ trx })` writes a row in the
 * caller's transaction; the relay hands it to Redis with `jobId = outbox.id`. Created on SQLite too,
 * to keep one schema, though only the PostgreSQL-only BullMQ driver writes to it.
 */
export const migration0004Outbox: HubMigration = {
  async up(db, dialect) {
    const ts = timestampType(dialect);
    await db.schema
      .createTable('outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('job_name', 'text', (c) => c.notNull())
      .addColumn('payload', jsonType(dialect), (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.unique())
      .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('run_at', ts, (c) => c.notNull())
      .addColumn('max_attempts', 'integer', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('published_at', ts)
      .addColumn('publish_attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .execute();
    // The relay's scan: unpublished rows, oldest first. Partial, so it stays tiny however big the table.
    await db.schema.createIndex('outbox_unpublished_idx').on('outbox').column('id').where(sql.ref('published_at'), 'is', null).execute();
    // The purge of published rows past retention.
    await db.schema.createIndex('outbox_published_at_idx').on('outbox').column('published_at').execute();
  },
  async down(db) {
    await db.schema.dropTable('outbox').execute();
  },
};
