/**
 * The job queue port. Modules define jobs with `defineJob`, enqueue them (optionally inside their
 * own database transaction) and register handlers with `work`. The composition root picks the
 * driver (`QUEUE_DRIVER`): `in-process` (a `jobs` table in the Hub's database, the default) or
 * `bullmq` (Redis, fed by a transactional outbox; requires PostgreSQL). ADR 0001.
 *
 * Implementing this port:
 * - `enqueue` validates the payload against the job's schema and throws `JobPayloadError`;
 *   with `opts.trx` it writes inside that transaction, so a rollback means the job never existed;
 *   a `dedupeKey` that already exists returns the existing job (`deduplicated: true`), never throws.
 * - delivery is at-least-once: a job whose worker died is run again once its lease expires, so
 *   handlers must be idempotent (dedupe keys, unique indexes, monotonic status updates).
 * - the payload is validated again before the handler runs; invalid → failed without retry.
 * - `RetryJobError` retries at `retryAfterMs`, `PermanentJobError` fails now, any other error retries
 *   with exponential backoff + jitter; each counts an attempt; after `maxAttempts` the job is `failed`
 *   and kept with its last error (see `job-failure.ts`).
 * - pass `queue/__tests__/job-queue.contract.ts`.
 */
import type { Static, TSchema } from 'typebox';
import type { DbExecutor } from '../db/database.js';

export type JobBackoff = {
  /** Delay before the 2nd attempt; doubles per attempt. */
  baseMs: number;
  /** Upper bound of one delay. */
  maxMs: number;
};

export type JobDefinition<P> = {
  /** `<module>.<verb>`, e.g. `messages.send`. Unique per job kind; also the BullMQ queue name. */
  readonly name: string;
  /** TypeBox schema of the payload. Payloads travel as JSON: use JSON-safe types (no Date). */
  readonly schema: TSchema;
  /** Total attempts including the first. @defaultValue {@link JOB_DEFAULTS}.maxAttempts */
  readonly maxAttempts?: number;
  /** Handlers running at once for this job, per process. @defaultValue {@link JOB_DEFAULTS}.concurrency */
  readonly concurrency?: number;
  /** @defaultValue {@link JOB_DEFAULTS}.backoff */
  readonly backoff?: JobBackoff;
  /** Type-level only: carries the payload type `P`. Never set at runtime. */
  readonly __payload?: P;
};

export const JOB_DEFAULTS = {
  maxAttempts: 5,
  concurrency: 1,
  backoff: { baseMs: 1_000, maxMs: 5 * 60_000 },
} as const;

/** Highest |priority| accepted; keeps the BullMQ mapping inside its 1..2^21 range. */
export const MAX_JOB_PRIORITY = 1_000_000;

export type EnqueueOptions = {
  /** Write the job inside this transaction (outbox row for BullMQ). */
  trx?: DbExecutor;
  /** While a job with this key exists (pending, running, failed, or done within retention), enqueue returns it instead. */
  dedupeKey?: string;
  /** Not before this time. @defaultValue now */
  runAt?: Date;
  /** Higher runs first among due jobs of the same name. @defaultValue 0 */
  priority?: number;
};

export type EnqueueResult = {
  jobId: string;
  /** True when `dedupeKey` matched an existing job; `jobId` is then that job's id. */
  deduplicated: boolean;
};

export type JobContext = {
  jobId: string;
  /** 1 on the first run; includes runs lost to a crash. */
  attempt: number;
  /** Aborted when `stop()`'s drain deadline passes; long handlers should give up then. */
  signal: AbortSignal;
};

export type JobHandler<P> = (payload: P, ctx: JobContext) => Promise<void>;

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

/** A job as the queue sees it, for inspection (ops, tests). */
export type JobInfo = {
  id: string;
  name: string;
  status: JobStatus;
  attempts: number;
  lastError: string | null;
};

export type JobQueueStats = { pending: number; running: number; failed: number };

export interface JobQueue {
  enqueue<P>(job: JobDefinition<P>, payload: P, opts?: EnqueueOptions): Promise<EnqueueResult>;
  /** Registers the handler for `job.name` (one per name). `opts.concurrency` overrides the definition's. */
  work<P>(job: JobDefinition<P>, handler: JobHandler<P>, opts?: { concurrency?: number }): void;
  /** Starts pulling jobs for the registered handlers. Enqueueing works without it. */
  start(): Promise<void>;
  /**
   * Stops intake, waits for in-flight handlers up to `drainMs`, then returns. Handlers still running
   * at the deadline get their signal aborted and are abandoned: their jobs run again after the lease
   * expires, as if the process had died. An instance is not restarted; open a new one.
   */
  stop(opts?: { drainMs?: number }): Promise<void>;
  stats?(): Promise<JobQueueStats>;
  /** The job's current state, or null when unknown (never existed, or purged after retention). */
  getJob?(jobId: string): Promise<JobInfo | null>;
}

export function defineJob<S extends TSchema>(def: {
  name: string;
  schema: S;
  maxAttempts?: number;
  concurrency?: number;
  backoff?: JobBackoff;
}): JobDefinition<Static<S>> {
  assertJobName(def.name);
  if (def.maxAttempts !== undefined) assertPositiveInt(def.maxAttempts, `${def.name}: maxAttempts`);
  if (def.concurrency !== undefined) assertPositiveInt(def.concurrency, `${def.name}: concurrency`);
  if (def.backoff && !(def.backoff.baseMs >= 0 && def.backoff.maxMs >= def.backoff.baseMs)) {
    throw new RangeError(`${def.name}: backoff needs 0 <= baseMs <= maxMs`);
  }
  return Object.freeze({ ...def });
}

/** The effective settings of a job: its own, else the defaults. */
export function jobSettings(job: JobDefinition<unknown>): { maxAttempts: number; concurrency: number; backoff: JobBackoff } {
  return {
    maxAttempts: job.maxAttempts ?? JOB_DEFAULTS.maxAttempts,
    concurrency: job.concurrency ?? JOB_DEFAULTS.concurrency,
    backoff: job.backoff ?? JOB_DEFAULTS.backoff,
  };
}

/** Checks the options every driver accepts; throws RangeError on nonsense. */
export function assertEnqueueOptions(opts: EnqueueOptions): void {
  const priority = opts.priority ?? 0;
  if (!Number.isInteger(priority) || Math.abs(priority) > MAX_JOB_PRIORITY) {
    throw new RangeError(`priority must be an integer within ±${MAX_JOB_PRIORITY}`);
  }
  if (opts.runAt && Number.isNaN(opts.runAt.getTime())) throw new RangeError('runAt is an invalid Date');
  if (opts.dedupeKey !== undefined && opts.dedupeKey.length === 0) throw new RangeError('dedupeKey must not be empty');
}

function assertJobName(name: string): void {
  // ':' is BullMQ's key separator; keep names to the `<module>.<verb>` shape.
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name)) throw new RangeError(`invalid job name '${name}'`);
}

function assertPositiveInt(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${what} must be a positive integer`);
}
