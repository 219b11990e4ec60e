/**
 * SQL of the transactional outbox (PostgreSQL only, like the BullMQ driver). `enqueue` inserts in the
 * caller's transaction; the relay takes unpublished rows with FOR UPDATE SKIP LOCKED, so relays in
 * several processes never hand over the same row twice at the same time.
 */
import type { Insertable } from 'kysely';
import { fromDbJson, fromDbTime, toDbTime } from '../../db/column-types.js';
import type { Db, DbExecutor, Trx } from '../../db/database.js';
import type { OutboxTable } from '../../db/tables/jobs.tables.js';
import type { EnqueueResult } from '../job-queue.js';

export type NewOutboxRow = Insertable<OutboxTable>;

export type OutboxJob = {
  id: string;
  jobName: string;
  payload: unknown;
  priority: number;
  runAt: Date;
  maxAttempts: number;
};

export class OutboxRepository {
  constructor(private readonly db: Db) {}

  /** Inserts, or returns the row already holding `dedupe_key`. Runs on the caller's executor. */
  async insert(executor: DbExecutor, row: NewOutboxRow): Promise<EnqueueResult> {
    for (let round = 0; round < 3; round += 1) {
      const inserted = await executor
        .insertInto('outbox')
        .values(row)
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) return { jobId: inserted.id, deduplicated: false };
      const existing = await executor.selectFrom('outbox').select('id').where('dedupe_key', '=', row.dedupe_key ?? null).executeTakeFirst();
      if (existing) return { jobId: existing.id, deduplicated: true };
      // The holder was purged between our insert and our read: try again.
    }
    throw new Error(`enqueue ${row.job_name}: dedupe key ${String(row.dedupe_key)} kept conflicting without a visible holder`);
  }

  /** Locks up to `limit` unpublished rows, oldest first, for the rest of `trx`; skips rows another relay holds. */
  async lockUnpublished(trx: Trx, limit: number): Promise<OutboxJob[]> {
    const rows = await trx
      .selectFrom('outbox')
      .select(['id', 'job_name', 'payload', 'priority', 'run_at', 'max_attempts'])
      .where('published_at', 'is', null)
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    return rows.map((r) => ({
      id: r.id,
      jobName: r.job_name,
      payload: fromDbJson(r.payload),
      priority: Number(r.priority),
      runAt: fromDbTime(r.run_at),
      maxAttempts: Number(r.max_attempts),
    }));
  }

  async markPublished(trx: Trx, ids: string[], now: Date): Promise<void> {
    await trx.updateTable('outbox').set({ published_at: toDbTime(now), last_error: null }).where('id', 'in', ids).execute();
  }

  async recordPublishFailure(ids: string[], error: string): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set((eb) => ({ publish_attempts: eb('publish_attempts', '+', 1), last_error: error }))
      .where('id', 'in', ids)
      .where('published_at', 'is', null)
      .execute();
  }

  /**
   * Deletes published rows past retention (their dedupe keys stop de-duplicating then). A row whose
   * job is still scheduled beyond the window (late runAt) is kept until that time has passed too.
   */
  async purgePublished(before: Date, limit: number): Promise<number> {
    const at = toDbTime(before);
    const result = await this.db
      .deleteFrom('outbox')
      .where('id', 'in', (eb) =>
        eb.selectFrom('outbox').select('id').where('published_at', '<', at).where('run_at', '<', at).limit(limit),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Unpublished rows, and how old the oldest is (ms), for stats and the stale-row warning. */
  async unpublished(now: Date): Promise<{ count: number; oldestAgeMs: number }> {
    const row = await this.db
      .selectFrom('outbox')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('created_at').as('oldest')])
      .where('published_at', 'is', null)
      .executeTakeFirstOrThrow();
    const oldest = row.oldest === null || row.oldest === undefined ? null : fromDbTime(row.oldest as Date | string);
    return { count: Number(row.n), oldestAgeMs: oldest ? now.getTime() - oldest.getTime() : 0 };
  }

  async get(id: string): Promise<{ jobName: string; published: boolean } | null> {
    const row = await this.db.selectFrom('outbox').select(['job_name', 'published_at']).where('id', '=', id).executeTakeFirst();
    return row ? { jobName: row.job_name, published: row.published_at !== null } : null;
  }
}
