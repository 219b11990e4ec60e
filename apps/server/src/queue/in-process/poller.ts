/**
 * The claim loop of the in-process queue. A round writes the outcomes of finished handlers, reclaims
 * expired leases (when due), and refills each registered job's local buffer with one claim statement.
 * Handlers start from that buffer as slots free up, without a database round-trip per job; the claim
 * takes up to 3 × concurrency beyond the running ones (capped by `batchSize`), so a newly enqueued
 * higher-priority job waits behind at most that many. The loop goes again at once while a claim came
 * back full, and otherwise sleeps `pollIntervalMs` unless `wake()` (a local enqueue, a finished
 * handler) cuts the sleep short.
 */
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import { decideOnFailure } from '../job-failure.js';
import type { JobBackoff, JobDefinition, JobHandler } from '../job-queue.js';
import { assertJobPayload } from '../job-payload.js';
import type { ClaimedJob, JobTableRepository } from './job-table.repository.js';
import { OutcomeWriter, type Outcome } from './outcome-writer.js';

export type Registration = {
  job: JobDefinition<unknown>;
  handler: JobHandler<unknown>;
  concurrency: number;
  backoff: JobBackoff;
  inFlight: number;
  /** Claimed (leased to us) but not started yet, in claim order. */
  buffer: ClaimedJob[];
  /** Paused: nothing is claimed or started (running handlers finish; buffered jobs keep their lease). */
  paused: boolean;
};

export type PollerOptions = {
  repository: JobTableRepository;
  registrations: ReadonlyMap<string, Registration>;
  clock: Clock;
  logger: Logger;
  workerId: string;
  pollIntervalMs: number;
  leaseMs: number;
  batchSize: number;
  /** Keep done jobs (purged later) instead of deleting them at once. */
  keepDone: boolean;
};

type Running = { controller: AbortController; finished: Promise<void> };

const MAX_ERROR_BACKOFF_MS = 5_000;

export class JobPoller {
  private readonly running = new Map<string, Running>();
  private readonly outcomes: OutcomeWriter;
  private stopping = false;
  /** After stop's deadline: late outcomes of abandoned handlers are dropped (their leases expire). */
  private closed = false;
  private wakeRequested = false;
  private wakeScheduled = false;
  /**
   * Job names worth a claim query on the next round. A local enqueue or a finished job names its
   * job; only a timer-driven poll (or an unnamed wake) claims for every registration. Without this,
   * each of the many wakes of a busy queue ran one claim per registered job name.
   */
  private readonly hinted = new Set<string>();
  private fullRound = true;
  private wakeSleeper: (() => void) | undefined;
  private lastReclaimAt = 0;
  private lastHeartbeatAt = 0;
  private errorStreak = 0;
  private loopDone: Promise<void> = Promise.resolve();

  constructor(private readonly opts: PollerOptions) {
    this.outcomes = new OutcomeWriter(opts);
  }

  start(): void {
    this.loopDone = this.loop();
  }

  /** Polls now: for `name` only, or for every job name when none is given. */
  wake(name?: string): void {
    if (name === undefined) this.fullRound = true;
    else this.hinted.add(name);
    this.wakeRequested = true;
    this.wakeSleeper?.();
  }

  /** After a registration was resumed: starts its buffered jobs and claims more. */
  resumed(reg: Registration): void {
    this.pump(reg);
    this.wake(reg.job.name);
  }

  /** Stops claiming and starting; gives buffered, never-started jobs back to the table. */
  async stopIntake(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loopDone;
    const unstarted = [...this.opts.registrations.values()].flatMap((reg) => reg.buffer.splice(0).map((j) => j.id));
    if (unstarted.length === 0) return;
    await this.opts.repository.release(unstarted, this.opts.workerId, this.opts.clock.now()).catch((err: unknown) => {
      this.opts.logger.error({ err, jobs: unstarted.length }, 'could not release unstarted jobs; they run again after their lease expires');
    });
  }

  /** Waits up to `drainMs` for running handlers; aborts and abandons the rest. True when all finished. */
  async drain(drainMs: number): Promise<boolean> {
    const all = Promise.all([...this.running.values()].map((r) => r.finished)).then(() => true);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), drainMs)));
    const drained = await Promise.race([all, deadline]);
    clearTimeout(timer);
    if (!drained) {
      this.opts.logger.warn({ abandoned: this.running.size, drainMs }, 'job queue stop: drain deadline passed; running jobs are left to lease expiry');
      for (const running of this.running.values()) running.controller.abort(new Error('job queue stopping'));
    }
    this.closed = true;
    await this.outcomes.flush().catch((err: unknown) => {
      this.opts.logger.error({ err, outcomes: this.outcomes.size }, 'could not record finished jobs; they run again after their lease expires');
    });
    return drained;
  }

  /**
   * Heartbeat: keeps the leases of our buffered, running and finished-but-unwritten jobs. Called by
   * a timer (which also covers the drain) and by the loop when due, since timers can lag behind a
   * burst of synchronous SQLite work.
   */
  async extendLeases(): Promise<void> {
    if (this.closed) return;
    this.lastHeartbeatAt = Date.now();
    await this.opts.repository.extendLeases(this.opts.workerId, this.leaseUntil());
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let moreWork = false;
      try {
        await this.outcomes.flush();
        if (Date.now() - this.lastHeartbeatAt >= this.opts.leaseMs / 3) await this.extendLeases();
        await this.reclaimIfDue();
        moreWork = await this.claimRound();
        this.errorStreak = 0;
      } catch (error) {
        this.errorStreak += 1;
        this.opts.logger.error({ err: error, streak: this.errorStreak }, 'job queue poll failed');
      }
      if (this.stopping) break;
      if (moreWork && this.errorStreak === 0) continue;
      await this.sleep(this.errorStreak === 0 ? this.opts.pollIntervalMs : this.errorBackoffMs());
    }
  }

  /** One claim per registration that needs a refill; true when some claim came back full. */
  private async claimRound(): Promise<boolean> {
    let moreWork = false;
    const all = this.fullRound;
    const hinted = new Set(this.hinted);
    this.fullRound = false;
    this.hinted.clear();
    for (const reg of this.opts.registrations.values()) {
      if (!all && !hinted.has(reg.job.name)) continue;
      const limit = this.refillSize(reg);
      if (limit === 0 || this.stopping) continue;
      const jobs = await this.opts.repository.claim({
        name: reg.job.name, limit, workerId: this.opts.workerId, now: this.opts.clock.now(), leaseUntil: this.leaseUntil(),
      });
      reg.buffer.push(...jobs);
      this.pump(reg);
      if (jobs.length === limit) {
        moreWork = true;
        this.hinted.add(reg.job.name);
      }
    }
    return moreWork;
  }

  /** How many to claim now: nothing while the buffer is comfortably full, so claims come in batches. */
  private refillSize(reg: Registration): number {
    if (reg.paused) return 0;
    const prefetch = Math.min(this.opts.batchSize, reg.concurrency * 3);
    const want = reg.concurrency + prefetch - reg.inFlight - reg.buffer.length;
    const starving = reg.buffer.length === 0 && reg.inFlight < reg.concurrency;
    if (want <= 0 || (!starving && want < prefetch / 2)) return 0;
    return Math.min(want, this.opts.batchSize);
  }

  private pump(reg: Registration): void {
    while (!this.stopping && !reg.paused && reg.inFlight < reg.concurrency) {
      const job = reg.buffer.shift();
      if (!job) return;
      this.dispatch(reg, job);
    }
  }

  private dispatch(reg: Registration, job: ClaimedJob): void {
    const controller = new AbortController();
    reg.inFlight += 1;
    const finished = this.run(reg, job, controller.signal).then((outcome) => {
      reg.inFlight -= 1;
      this.running.delete(job.id);
      if (!this.closed) this.outcomes.add(outcome);
      this.pump(reg);
      this.wakeSoon(reg.job.name);
    });
    this.running.set(job.id, { controller, finished });
  }

  private async run(reg: Registration, job: ClaimedJob, signal: AbortSignal): Promise<Outcome> {
    try {
      assertJobPayload(reg.job, job.payload);
      await reg.handler(job.payload, { jobId: job.id, attempt: job.attempts, signal });
      return { kind: 'done', id: job.id };
    } catch (error) {
      const decision = decideOnFailure({ error, attempt: job.attempts, maxAttempts: job.maxAttempts, backoff: reg.backoff });
      const log = { err: error, jobId: job.id, job: job.name, attempt: job.attempts };
      if (decision.kind === 'fail') {
        this.opts.logger.error(log, 'job failed');
        return { kind: 'fail', id: job.id, error: decision.error };
      }
      const runAt = new Date(this.opts.clock.now().getTime() + decision.delayMs);
      if (decision.kind === 'defer') {
        this.opts.logger.info({ jobId: job.id, job: job.name, delayMs: decision.delayMs, reason: decision.error }, 'job deferred');
        return { kind: 'retry', id: job.id, runAt, error: decision.error, refundAttempt: true };
      }
      this.opts.logger.warn({ ...log, delayMs: decision.delayMs }, 'job will be retried');
      return { kind: 'retry', id: job.id, runAt, error: decision.error };
    }
  }

  // Completions arrive in bursts; one wake per turn of the event loop lets a round write them together.
  private wakeSoon(name: string): void {
    this.hinted.add(name);
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      this.wakeRequested = true;
      this.wakeSleeper?.();
    });
  }

  private async reclaimIfDue(): Promise<void> {
    const now = this.opts.clock.now();
    if (now.getTime() - this.lastReclaimAt < Math.max(this.opts.leaseMs / 2, 50)) return;
    this.lastReclaimAt = now.getTime();
    const reclaimed = await this.opts.repository.reclaimExpired(now, this.opts.workerId);
    if (reclaimed > 0) this.opts.logger.warn({ reclaimed }, 'reclaimed jobs whose lease expired (their worker stopped mid-job)');
  }

  private leaseUntil(): Date {
    return new Date(this.opts.clock.now().getTime() + this.opts.leaseMs);
  }

  private errorBackoffMs(): number {
    return Math.min(MAX_ERROR_BACKOFF_MS, this.opts.pollIntervalMs * 2 ** Math.min(this.errorStreak, 10));
  }

  private async sleep(ms: number): Promise<void> {
    if (this.wakeRequested) {
      this.wakeRequested = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.fullRound = true; // the idle poll looks at every job name (runAt, retries, other processes)
        done();
      }, ms);
      this.wakeSleeper = done;
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
    });
    this.wakeSleeper = undefined;
    this.wakeRequested = false;
  }
}
