/**
 * The scaled queue driver (QUEUE_DRIVER=bullmq, ADR 0001): jobs run from Redis through BullMQ, one
 * BullMQ queue per job name (so each name has its own worker concurrency). Enqueueing writes an
 * `outbox` row in the caller's transaction (PostgreSQL only); `outbox-relay.ts` hands rows to Redis.
 *
 * Call `start()` in every process that enqueues, even one without handlers (PROCESS_ROLE=api):
 * it runs the relay. After `stop()` the instance is closed (its Redis connections too); open a
 * new one to go on. `stats()` covers the job names this instance has registered or enqueued.
 * Leases: a worker holds a BullMQ lock of `leaseMs`; a dead worker's job is moved back to wait by
 * BullMQ's stalled check (every `leaseMs`) and retried at most `maxStalledCount` times.
 */
import { Queue, Worker } from 'bullmq';
import { systemClock, type Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import { toDbJson, toDbTime } from '../../db/column-types.js';
import type { DatabaseHandle } from '../../db/database.js';
import { assertJobPayload } from '../job-payload.js';
import {
  assertEnqueueOptions, jobSettings,
  type EnqueueOptions, type EnqueueResult, type JobDefinition, type JobHandler, type JobInfo, type JobQueue, type JobQueueStats, type JobStatus,
} from '../job-queue.js';
import { createBackoffStrategy, createProcessor, type BullmqRegistration, type RunningHandler } from './bullmq-processor.js';
import { OutboxRelay } from './outbox-relay.js';
import { OutboxRepository, type OutboxJob } from './outbox.repository.js';
import { toBullmqJob } from './to-bullmq-job.js';

export type BullmqJobQueueOptions = {
  /** Must be PostgreSQL: the outbox joins the caller's transaction and the relay uses SKIP LOCKED. */
  database: DatabaseHandle;
  redisUrl: string;
  /** Redis key prefix; one per deployment (tests: one per file). @defaultValue 'valeo' */
  prefix?: string;
  clock?: Clock;
  logger?: Logger;
  /** BullMQ lock duration and stalled-check interval. @defaultValue 30000 */
  leaseMs?: number;
  /** Times a job may be recovered from a dead worker before it fails. @defaultValue 2 */
  maxStalledCount?: number;
  /** Relay sweep interval (a local enqueue relays at once). @defaultValue 200 */
  relayIntervalMs?: number;
  /** @defaultValue 500 */
  relayBatchSize?: number;
  /** How long completed jobs (Redis) and published outbox rows (with their dedupe keys) are kept. @defaultValue 86400000 */
  doneRetentionMs?: number;
};

const STATE_TO_STATUS: Record<string, JobStatus> = {
  waiting: 'pending', prioritized: 'pending', delayed: 'pending', 'waiting-children': 'pending', paused: 'pending',
  active: 'running', completed: 'done', failed: 'failed',
};

export class BullmqJobQueue implements JobQueue {
  private readonly outbox: OutboxRepository;
  private readonly relay: OutboxRelay;
  private readonly registrations = new Map<string, BullmqRegistration>();
  private readonly queues = new Map<string, Queue>();
  private readonly knownNames = new Set<string>();
  private readonly running = new Map<string, RunningHandler>();
  private readonly workers: Worker[] = [];
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly prefix: string;
  private readonly doneRetentionMs: number;
  private started = false;
  private stopping = false;
  private stopped: Promise<void> | undefined;

  constructor(private readonly opts: BullmqJobQueueOptions) {
    if (opts.database.dialect !== 'postgres') {
      throw new Error('The BullMQ queue driver requires PostgreSQL (DB_TYPE=postgres): its outbox must join the caller\'s transaction');
    }
    this.clock = opts.clock ?? systemClock;
    this.logger = (opts.logger ?? silentLogger).child({ component: 'job-queue', driver: 'bullmq' });
    this.prefix = opts.prefix ?? 'valeo';
    this.doneRetentionMs = opts.doneRetentionMs ?? 86_400_000;
    this.outbox = new OutboxRepository(opts.database.db);
    this.relay = new OutboxRelay({
      db: opts.database.db, repository: this.outbox, publish: (jobs) => this.publish(jobs), clock: this.clock, logger: this.logger,
      pollIntervalMs: opts.relayIntervalMs ?? 200, batchSize: opts.relayBatchSize ?? 500, doneRetentionMs: this.doneRetentionMs,
      maintenanceIntervalMs: 60_000, staleAfterMs: 60_000,
    });
  }

  async enqueue<P>(job: JobDefinition<P>, payload: P, opts: EnqueueOptions = {}): Promise<EnqueueResult> {
    assertJobPayload(job, payload);
    assertEnqueueOptions(opts);
    const now = toDbTime(this.clock.now());
    const result = await this.outbox.insert(opts.trx ?? this.opts.database.db, {
      id: newId(),
      job_name: job.name,
      payload: toDbJson(payload),
      dedupe_key: opts.dedupeKey ?? null,
      priority: opts.priority ?? 0,
      run_at: opts.runAt ? toDbTime(opts.runAt) : now,
      max_attempts: jobSettings(job).maxAttempts,
      created_at: now,
    });
    this.knownNames.add(job.name);
    // Inside an open transaction the row is invisible until commit; the relay's sweep picks it up then.
    if (!result.deduplicated && this.started) this.relay.wake();
    return result;
  }

  work<P>(job: JobDefinition<P>, handler: JobHandler<P>, opts: { concurrency?: number } = {}): void {
    if (this.registrations.has(job.name)) throw new Error(`job ${job.name} already has a handler`);
    if (this.stopped) throw new Error('job queue is stopped');
    const settings = jobSettings(job);
    const concurrency = opts.concurrency ?? settings.concurrency;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`${job.name}: concurrency must be a positive integer`);
    const registration = { job: job as JobDefinition<unknown>, handler: handler as JobHandler<unknown>, concurrency, backoff: settings.backoff };
    this.registrations.set(job.name, registration);
    this.knownNames.add(job.name);
    if (this.started) this.workers.push(this.createWorker(registration));
  }

  async start(): Promise<void> {
    if (this.started || this.stopped) throw new Error('job queue already started (a stopped queue is not restarted; open a new one)');
    this.started = true;
    // Rows written before start reach Redis before any worker fetches, so their priority order holds.
    await this.relay.relayAll();
    this.relay.start();
    for (const registration of this.registrations.values()) this.workers.push(this.createWorker(registration));
    this.logger.info({ prefix: this.prefix, jobs: [...this.registrations.keys()] }, 'job queue started');
  }

  async stop(opts: { drainMs?: number } = {}): Promise<void> {
    this.stopped ??= this.shutdown(opts.drainMs ?? 10_000);
    return this.stopped;
  }

  async stats(): Promise<JobQueueStats> {
    const { count } = await this.outbox.unpublished(this.clock.now());
    const totals = { pending: count, running: 0, failed: 0 };
    for (const name of this.knownNames) {
      const c = await this.queueFor(name).getJobCounts('waiting', 'prioritized', 'delayed', 'paused', 'waiting-children', 'active', 'failed');
      totals.pending += (c.waiting ?? 0) + (c.prioritized ?? 0) + (c.delayed ?? 0) + (c.paused ?? 0) + (c['waiting-children'] ?? 0);
      totals.running += c.active ?? 0;
      totals.failed += c.failed ?? 0;
    }
    return totals;
  }

  async getJob(jobId: string): Promise<JobInfo | null> {
    const row = await this.outbox.get(jobId);
    if (!row) return null;
    if (!row.published) return { id: jobId, name: row.jobName, status: 'pending', attempts: 0, lastError: null };
    const job = await this.queueFor(row.jobName).getJob(jobId);
    if (!job) return null;
    const status = STATE_TO_STATUS[await job.getState()];
    if (!status) return null;
    return { id: jobId, name: row.jobName, status, attempts: job.attemptsStarted, lastError: job.failedReason || null };
  }

  private createWorker(registration: BullmqRegistration): Worker {
    const leaseMs = this.opts.leaseMs ?? 30_000;
    const worker = new Worker(registration.job.name, createProcessor({
      registration, running: this.running, isStopping: () => this.stopping, logger: this.logger,
    }), {
      connection: { url: this.opts.redisUrl, maxRetriesPerRequest: null },
      prefix: this.prefix,
      concurrency: registration.concurrency,
      lockDuration: leaseMs,
      stalledInterval: leaseMs,
      maxStalledCount: this.opts.maxStalledCount ?? 2,
      settings: { backoffStrategy: createBackoffStrategy(this.registrations) },
    });
    worker.on('error', (err) => this.logger.error({ err, job: registration.job.name }, 'BullMQ worker error'));
    return worker;
  }

  private queueFor(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      if (this.stopped) throw new Error('job queue is stopped');
      queue = new Queue(name, { connection: { url: this.opts.redisUrl }, prefix: this.prefix });
      queue.on('error', (err) => this.logger.error({ err, job: name }, 'BullMQ queue error'));
      this.queues.set(name, queue);
    }
    return queue;
  }

  private async publish(jobs: OutboxJob[]): Promise<void> {
    const now = this.clock.now();
    const byName = new Map<string, OutboxJob[]>();
    for (const job of jobs) byName.set(job.jobName, [...(byName.get(job.jobName) ?? []), job]);
    for (const [name, group] of byName) {
      this.knownNames.add(name);
      await this.queueFor(name).addBulk(group.map((job) => toBullmqJob(job, { now, doneRetentionMs: this.doneRetentionMs })));
    }
  }

  private async shutdown(drainMs: number): Promise<void> {
    this.stopping = true;
    // Synchronously stop fetching; a job fetched anyway is handed back by the processor.
    const pausing = this.workers.map((w) => w.pause(true));
    await this.relay.stop();
    await Promise.all(pausing);
    const drained = await this.drain(drainMs);
    // Force-closing stops lock renewal, so abandoned jobs stall and move to another worker.
    await Promise.all(this.workers.map((w) => w.close(!drained)));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.logger.info({ drained }, 'job queue stopped');
  }

  private async drain(drainMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const all = Promise.all([...this.running.values()].map((r) => r.finished)).then(() => true);
    const deadline = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), drainMs)));
    const drained = await Promise.race([all, deadline]);
    clearTimeout(timer);
    if (!drained) {
      this.logger.warn({ abandoned: this.running.size, drainMs }, 'job queue stop: drain deadline passed; running jobs are left to the stalled check');
      for (const r of this.running.values()) r.controller.abort(new Error('job queue stopping'));
    }
    return drained;
  }
}
