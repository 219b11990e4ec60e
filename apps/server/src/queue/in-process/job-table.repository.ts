/**
 * Every SQL statement of the in-process queue. Multi-row writes take id lists so the poller does a
 * handful of statements per batch instead of one per job (the send pipeline aims at ≥ 2,000 jobs/s
 * on SQLite). Writes after a claim are guarded by `locked_by`, so a worker whose lease was taken
 * over cannot overwrite the new owner's state.
 */
import { sql } from 'kysely';
import { fromDbJson, fromDbTime, toDbTime } from '../../db/column-types.js';
import type { DatabaseHandle, DbExecutor } from '../../db/database.js';
import { PreparedQuery } from '../../db/prepared-query.js';
import type { JobsTable } from '../../db/tables/jobs.tables.js';
import type { Insertable } from 'kysely';
import type { EnqueueResult, JobInfo, JobQueueStats } from '../job-queue.js';

/** A job row as written: every column the insert sets, in the database's representation. */
export type NewJobRow = Required<Pick<Insertable<JobsTable>, 'id' | 'name' | 'status' | 'dedupe_key' | 'priority' | 'run_at' | 'max_attempts' | 'created_at' | 'updated_at'>>
  & { payload: string };

/** Prepared once: every enqueue (one per message sent) runs it. */
const insertJobStatement = new PreparedQuery<NewJobRow, { id: string }>((db, p) =>
  db
    .insertInto('jobs')
    .values({
      id: p('id'), name: p('name'), payload: p('payload'), status: p('status'), dedupe_key: p('dedupe_key'), priority: p('priority'),
      run_at: p('run_at'), max_attempts: p('max_attempts'), created_at: p('created_at'), updated_at: p('updated_at'),
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id'));

export type ClaimedJob = {
  id: string;
  name: string;
  payload: unknown;
  /** Including this run. */
  attempts: number;
  maxAttempts: number;
  priority: number;
  runAt: Date;
};

type ClaimRow = { id: string; name: string; payload: unknown; attempts: number; max_attempts: number; priority: number; run_at: Date | string };

// Bound parameters per statement stay far below SQLite's 32,766 and PostgreSQL's 65,535.
const ID_CHUNK = 500;

export class JobTableRepository {
  constructor(private readonly database: DatabaseHandle) {}

  /** Inserts, or returns the job already holding `dedupe_key`. Runs on the caller's executor (maybe a transaction). */
  async insert(executor: DbExecutor, row: NewJobRow): Promise<EnqueueResult> {
    for (let round = 0; round < 3; round += 1) {
      const inserted = await insertJobStatement.takeFirst(executor, row);
      if (inserted) return { jobId: inserted.id, deduplicated: false };
      const existing = await executor.selectFrom('jobs').select('id').where('dedupe_key', '=', row.dedupe_key ?? null).executeTakeFirst();
      if (existing) return { jobId: existing.id, deduplicated: true };
      // The holder was purged between our insert and our read: try again.
    }
    throw new Error(`enqueue ${row.name}: dedupe key ${String(row.dedupe_key)} kept conflicting without a visible holder`);
  }

  /**
   * Atomically moves up to `limit` due pending jobs of `name` to running under our lease.
   * PostgreSQL: FOR UPDATE SKIP LOCKED, so processes sharing the table never claim the same row.
   * SQLite: one UPDATE … WHERE id IN (SELECT …) RETURNING, atomic because SQLite has one writer.
   * `status = 'pending'` is a literal so the partial claim index applies.
   */
  async claim(opts: { name: string; limit: number; workerId: string; now: Date; leaseUntil: Date }): Promise<ClaimedJob[]> {
    const now = toDbTime(opts.now);
    const until = toDbTime(opts.leaseUntil);
    const query = this.database.dialect === 'postgres'
      ? sql<ClaimRow>`
        with next as (
          select id from jobs
          where status = 'pending' and name = ${opts.name} and run_at <= ${now}
          order by priority desc, run_at, id
          limit ${opts.limit}
          for update skip locked)
        update jobs set status = 'running', attempts = jobs.attempts + 1,
          locked_by = ${opts.workerId}, locked_until = ${until}, updated_at = ${now}
        from next where jobs.id = next.id
        returning jobs.id, jobs.name, jobs.payload, jobs.attempts, jobs.max_attempts, jobs.priority, jobs.run_at`
      : sql<ClaimRow>`
        update jobs set status = 'running', attempts = attempts + 1,
          locked_by = ${opts.workerId}, locked_until = ${until}, updated_at = ${now}
        where id in (
          select id from jobs
          where status = 'pending' and name = ${opts.name} and run_at <= ${now}
          order by priority desc, run_at, id
          limit ${opts.limit})
        returning id, name, payload, attempts, max_attempts, priority, run_at`;
    const { rows } = await query.execute(this.database.db);
    return rows.map(toClaimedJob).sort(byClaimOrder);
  }

  /** Finished jobs: kept as `done` (purged later) or deleted right away. */
  async complete(ids: string[], workerId: string, now: Date, keep: boolean): Promise<void> {
    for (const chunk of chunks(ids)) {
      if (keep) {
        await this.database.db
          .updateTable('jobs')
          .set({ status: 'done', finished_at: toDbTime(now), updated_at: toDbTime(now), locked_by: null, locked_until: null })
          .where('id', 'in', chunk)
          .where('locked_by', '=', workerId)
          .execute();
      } else {
        await this.database.db.deleteFrom('jobs').where('id', 'in', chunk).where('locked_by', '=', workerId).execute();
      }
    }
  }

  /** Back to pending at `runAt`; `refundAttempt` (a deferral) gives back the attempt the claim counted. */
  async reschedule(opts: { id: string; workerId: string; runAt: Date; error: string; now: Date; refundAttempt?: boolean }): Promise<void> {
    await this.database.db
      .updateTable('jobs')
      .set({
        status: 'pending', run_at: toDbTime(opts.runAt), last_error: opts.error, locked_by: null, locked_until: null, updated_at: toDbTime(opts.now),
        ...(opts.refundAttempt ? { attempts: sql<number>`attempts - 1` } : {}),
      })
      .where('id', '=', opts.id)
      .where('locked_by', '=', opts.workerId)
      .execute();
  }

  async fail(opts: { id: string; workerId: string; error: string; now: Date }): Promise<void> {
    const now = toDbTime(opts.now);
    await this.database.db
      .updateTable('jobs')
      .set({ status: 'failed', last_error: opts.error, finished_at: now, updated_at: now, locked_by: null, locked_until: null })
      .where('id', '=', opts.id)
      .where('locked_by', '=', opts.workerId)
      .execute();
  }

  /** Gives back jobs claimed but not started (claimed while stopping): the claim did not count as an attempt. */
  async release(ids: string[], workerId: string, now: Date): Promise<void> {
    for (const chunk of chunks(ids)) {
      await this.database.db
        .updateTable('jobs')
        .set((eb) => ({ status: 'pending', attempts: eb('attempts', '-', 1), locked_by: null, locked_until: null, updated_at: toDbTime(now) }))
        .where('id', 'in', chunk)
        .where('locked_by', '=', workerId)
        .where('status', '=', 'running')
        .execute();
    }
  }

  /** Heartbeat: every running job of this worker keeps its lease while the process lives. */
  async extendLeases(workerId: string, until: Date): Promise<void> {
    await this.database.db
      .updateTable('jobs')
      .set({ locked_until: toDbTime(until) })
      .where('status', '=', 'running')
      .where('locked_by', '=', workerId)
      .execute();
  }

  /**
   * Running jobs whose lease passed belong to a worker that died: back to pending (they keep their
   * place in line), or failed once the crash used up the last attempt. Returns how many.
   * Never our own (`selfWorkerId`): this process is alive by definition, and a busy event loop
   * (synchronous SQLite under a burst of writes) can delay its heartbeat past the lease.
   */
  async reclaimExpired(now: Date, selfWorkerId: string): Promise<number> {
    const at = toDbTime(now);
    const lastError = sql<string>`'lease expired: worker ' || coalesce(locked_by, '?') || ' stopped before finishing'`;
    const expired = this.database.db
      .updateTable('jobs')
      .where('status', '=', 'running')
      .where('locked_until', '<', at)
      .where('locked_by', '!=', selfWorkerId);
    const failed = await expired
      .set({ status: 'failed', finished_at: at, last_error: lastError, locked_by: null, locked_until: null, updated_at: at })
      .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
      .executeTakeFirst();
    const requeued = await expired
      .set({ status: 'pending', last_error: lastError, locked_by: null, locked_until: null, updated_at: at })
      .executeTakeFirst();
    return Number(failed.numUpdatedRows) + Number(requeued.numUpdatedRows);
  }

  /** Deletes up to `limit` done jobs finished before `before`; returns how many. */
  async purgeDone(before: Date, limit: number): Promise<number> {
    const result = await this.database.db
      .deleteFrom('jobs')
      .where('id', 'in', (eb) =>
        eb.selectFrom('jobs').select('id').where('status', '=', 'done').where('finished_at', '<', toDbTime(before)).limit(limit),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async stats(): Promise<JobQueueStats> {
    const rows = await this.database.db
      .selectFrom('jobs')
      .select((eb) => ['status', eb.fn.countAll().as('n')])
      .where('status', 'in', ['pending', 'running', 'failed'])
      .groupBy('status')
      .execute();
    const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
    return { pending: count('pending'), running: count('running'), failed: count('failed') };
  }

  async get(id: string): Promise<JobInfo | null> {
    const row = await this.database.db
      .selectFrom('jobs')
      .select(['id', 'name', 'status', 'attempts', 'last_error'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? { id: row.id, name: row.name, status: row.status, attempts: Number(row.attempts), lastError: row.last_error } : null;
  }
}

function toClaimedJob(row: ClaimRow): ClaimedJob {
  return {
    id: row.id,
    name: row.name,
    payload: fromDbJson(row.payload),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    priority: Number(row.priority),
    runAt: fromDbTime(row.run_at),
  };
}

// RETURNING gives rows in no particular order; start them in the order they were chosen.
function byClaimOrder(a: ClaimedJob, b: ClaimedJob): number {
  return b.priority - a.priority || a.runAt.getTime() - b.runAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function* chunks(ids: string[]): Generator<string[]> {
  for (let i = 0; i < ids.length; i += ID_CHUNK) yield ids.slice(i, i + ID_CHUNK);
}
