import { sql } from 'kysely';
import { jsonType, timestampType } from '../column-types.js';
import type { HubMigration } from './migration.js';

/** The durable job table of the in-process queue (ADR 0001). */
export const migration0001Jobs: HubMigration = {
  async up(db, dialect) {
    const ts = timestampType(dialect);
    await db.schema
      .createTable('jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('payload', jsonType(dialect), (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
      .addColumn('dedupe_key', 'text', (c) => c.unique())
      .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('run_at', ts, (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull())
      .addColumn('locked_until', ts)
      .addColumn('locked_by', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .addColumn('finished_at', ts)
      .addCheckConstraint('jobs_status_check', sql`status in ('pending', 'running', 'done', 'failed')`)
      .execute();
    // Lease reclaim, purge and stats walk (status, …).
    await db.schema.createIndex('jobs_status_run_at_idx').on('jobs').columns(['status', 'run_at']).execute();
    // The claim: due pending jobs of one name, best priority first, then oldest. Matching the ORDER BY
    // lets the claim stop after `limit` rows instead of sorting the whole backlog.
    await db.schema
      .createIndex('jobs_claim_idx')
      .on('jobs')
      .columns(['name', 'priority desc', 'run_at', 'id'])
      .where(sql.ref('status'), '=', 'pending')
      .execute();
  },
  async down(db) {
    await db.schema.dropTable('jobs').execute();
  },
};
