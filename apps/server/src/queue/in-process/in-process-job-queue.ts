/**
 * The default, durable queue driver (ADR 0001): jobs live in the `jobs` table of the Hub's own
 * database, so `enqueue({ trx })` is part of the caller's transaction. A poller claims due jobs in
 * batches under a lease; several processes may share the table on PostgreSQL (SKIP LOCKED).
 *
 * Retention: done jobs are KEPT as `done` for `doneRetentionMs` (default 24 h; their dedupe keys
 * keep de-duplicating meanwhile) and purged in the background every `purgeIntervalMs`;
 * `doneRetentionMs: 0` deletes them on completion. Failed jobs are kept (with `last_error`) until
 * someone removes them.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { systemClock, type Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import { toDbJson, toDbTime } from '../../db/column-types.js';
import type { DatabaseHandle } from '../../db/database.js';
import { assertJobPayload } from '../job-payload.js';
import {
  assertEnqueueOptions, jobSettings,
  type EnqueueOptions, type EnqueueResult, type JobDefinition, type JobHandler, type JobInfo, type JobQueue, type JobQueueStats,
} from '../job-queue.js';
import { JobTableRepository } from './job-table.repository.js';
import { JobPoller, type Registration } from './poller.js';

export type InProcessJobQueueOptions = {
  database: DatabaseHandle;
  /** @defaultValue systemClock */
  clock?: Clock;
  /** @defaultValue silentLogger */
  logger?: Logger;
  /** Sleep between polls when idle (a local enqueue wakes the poller at once). @defaultValue 200 */
  pollIntervalMs?: number;
  /** How long a claim holds a job without a heartbeat; a dead worker's jobs run again after it. @defaultValue 30000 */
  leaseMs?: number;
  /**
   * Prefix of this instance's id in `locked_by`; a random suffix is always appended, so a restarted
   * process never mistakes its predecessor's leases for its own. @defaultValue `<host>:<pid>`
   */
  workerId?: string;
  /** Most jobs one claim statement takes. @defaultValue 100 */
  batchSize?: number;
  /** How long done jobs are kept; 0 deletes them at once. @defaultValue 86400000 (24 h) */
  doneRetentionMs?: number;
  /** @defaultValue 60000 */
  purgeIntervalMs?: number;
};

const DEFAULTS = { pollIntervalMs: 200, leaseMs: 30_000, batchSize: 100, doneRetentionMs: 86_400_000, purgeIntervalMs: 60_000 } as const;
const PURGE_CHUNK = 1_000;

export class InProcessJobQueue implements JobQueue {
  private readonly repository: JobTableRepository;
  private readonly registrations = new Map<string, Registration>();
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly settings: Required<Omit<InProcessJobQueueOptions, 'database' | 'clock' | 'logger'>>;
  private poller: JobPoller | undefined;
  private timers: NodeJS.Timeout[] = [];
  private readonly backgroundTasks = new Set<Promise<void>>();
  private stopped: Promise<void> | undefined;

  constructor(private readonly opts: InProcessJobQueueOptions) {
    this.repository = new JobTableRepository(opts.database);
    this.clock = opts.clock ?? systemClock;
    this.logger = (opts.logger ?? silentLogger).child({ component: 'job-queue', driver: 'in-process' });
    this.settings = {
      pollIntervalMs: opts.pollIntervalMs ?? DEFAULTS.pollIntervalMs,
      leaseMs: opts.leaseMs ?? DEFAULTS.leaseMs,
      workerId: `${opts.workerId ?? `${hostname()}:${process.pid}`}:${randomBytes(4).toString('hex')}`,
      batchSize: opts.batchSize ?? DEFAULTS.batchSize,
      doneRetentionMs: opts.doneRetentionMs ?? DEFAULTS.doneRetentionMs,
      purgeIntervalMs: opts.purgeIntervalMs ?? DEFAULTS.purgeIntervalMs,
    };
  }

  async enqueue<P>(job: JobDefinition<P>, payload: P, opts: EnqueueOptions = {}): Promise<EnqueueResult> {
    assertJobPayload(job, payload);
    assertEnqueueOptions(opts);
    const now = toDbTime(this.clock.now());
    const result = await this.repository.insert(opts.trx ?? this.opts.database.db, {
      id: newId(),
      name: job.name,
      payload: toDbJson(payload),
      status: 'pending',
      dedupe_key: opts.dedupeKey ?? null,
      priority: opts.priority ?? 0,
      run_at: opts.runAt ? toDbTime(opts.runAt) : now,
      max_attempts: jobSettings(job).maxAttempts,
      created_at: now,
      updated_at: now,
    });
    // Inside an open transaction the row is not visible yet; the wake then finds nothing and the
    // job is picked up by the next poll after commit (≤ pollIntervalMs).
    if (!result.deduplicated && this.registrations.has(job.name)) this.poller?.wake(job.name);
    return result;
  }

  work<P>(job: JobDefinition<P>, handler: JobHandler<P>, opts: { concurrency?: number } = {}): void {
    if (this.registrations.has(job.name)) throw new Error(`job ${job.name} already has a handler`);
    const settings = jobSettings(job);
    const concurrency = opts.concurrency ?? settings.concurrency;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`${job.name}: concurrency must be a positive integer`);
    this.registrations.set(job.name, {
      job: job as JobDefinition<unknown>,
      handler: handler as JobHandler<unknown>,
      concurrency,
      backoff: settings.backoff,
      inFlight: 0,
      buffer: [],
      paused: false,
    });
    this.poller?.wake();
  }

  /**
   * Stops claiming and starting jobs of this name in this process until {@link resume}; enqueueing
   * goes on and handlers already running finish. For operations (and the benchmark, which measures
   * the webhook intake with and without the work that applies it); not part of the JobQueue port.
   */
  pause(jobName: string): void {
    this.registrationOf(jobName).paused = true;
  }

  resume(jobName: string): void {
    const registration = this.registrationOf(jobName);
    registration.paused = false;
    this.poller?.resumed(registration);
  }

  private registrationOf(jobName: string): Registration {
    const registration = this.registrations.get(jobName);
    if (!registration) throw new Error(`job ${jobName} has no handler in this process`);
    return registration;
  }

  async start(): Promise<void> {
    if (this.poller || this.stopped) throw new Error('job queue already started (a stopped queue is not restarted; open a new one)');
    const { leaseMs, doneRetentionMs, purgeIntervalMs } = this.settings;
    this.poller = new JobPoller({
      ...this.settings, repository: this.repository, registrations: this.registrations,
      clock: this.clock, logger: this.logger, keepDone: doneRetentionMs > 0,
    });
    this.poller.start();
    const poller = this.poller;
    this.every(Math.max(Math.floor(leaseMs / 3), 10), () => poller.extendLeases(), 'lease heartbeat failed');
    if (doneRetentionMs > 0) this.every(purgeIntervalMs, () => this.purgeDone(), 'purging done jobs failed');
    this.logger.info({ workerId: this.settings.workerId, jobs: [...this.registrations.keys()] }, 'job queue started');
  }

  async stop(opts: { drainMs?: number } = {}): Promise<void> {
    this.stopped ??= this.shutdown(opts.drainMs ?? 10_000);
    return this.stopped;
  }

  async stats(): Promise<JobQueueStats> {
    return this.repository.stats();
  }

  async getJob(jobId: string): Promise<JobInfo | null> {
    return this.repository.get(jobId);
  }

  private async shutdown(drainMs: number): Promise<void> {
    const poller = this.poller;
    if (!poller) return;
    await poller.stopIntake();
    const drained = await poller.drain(drainMs);
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    // A heartbeat or purge still in flight must not outlive stop() (the caller may close the database next).
    await Promise.all(this.backgroundTasks);
    this.logger.info({ drained }, 'job queue stopped');
  }

  private async purgeDone(): Promise<void> {
    const before = new Date(this.clock.now().getTime() - this.settings.doneRetentionMs);
    while ((await this.repository.purgeDone(before, PURGE_CHUNK)) === PURGE_CHUNK) {
      // Chunks keep each delete short, so claims are not blocked behind one huge statement.
    }
  }

  private every(ms: number, task: () => Promise<void>, failure: string): void {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      const run = task()
        .catch((err: unknown) => this.logger.error({ err }, failure))
        .finally(() => {
          busy = false;
          this.backgroundTasks.delete(run);
        });
      this.backgroundTasks.add(run);
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }
}
