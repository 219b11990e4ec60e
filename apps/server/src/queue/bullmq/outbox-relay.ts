/**
 * Hands outbox rows to BullMQ and marks them published (transactional outbox, RELIABILITY.md §3.1).
 *
 * One round locks a batch of unpublished rows (FOR UPDATE SKIP LOCKED), publishes them with
 * `jobId = outbox.id`, marks them published and commits. A crash between publish and commit leaves
 * the rows unpublished; the next round publishes them again and BullMQ ignores the duplicate id
 * while the job exists (completed jobs are kept for `doneRetentionMs`, the same window as the rows).
 *
 * Two triggers: `wake()` after a local enqueue (the fast path), and a sweep every `pollIntervalMs`
 * that catches everything the fast path could not see: rows committed after the wake (an enqueue
 * inside a caller's transaction), rows of a process that died before relaying them, and rows whose
 * publish failed while Redis was down. Every process may sweep; SKIP LOCKED keeps them apart, so no
 * leader election is needed. Less often, the sweep purges published rows past retention and warns
 * when rows stay unpublished longer than `staleAfterMs` (Redis trouble).
 */
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/database.js';
import { describeError } from '../job-failure.js';
import type { OutboxJob, OutboxRepository } from './outbox.repository.js';

export type OutboxPublisher = (jobs: OutboxJob[]) => Promise<void>;

export type OutboxRelayOptions = {
  db: Db;
  repository: OutboxRepository;
  publish: OutboxPublisher;
  clock: Clock;
  logger: Logger;
  pollIntervalMs: number;
  batchSize: number;
  doneRetentionMs: number;
  /** How often the sweep purges and checks for stale rows. */
  maintenanceIntervalMs: number;
  staleAfterMs: number;
};

const MAX_ERROR_BACKOFF_MS = 5_000;
const PURGE_CHUNK = 1_000;

export class OutboxRelay {
  private stopping = false;
  private wakeRequested = false;
  private wakeSleeper: (() => void) | undefined;
  private errorStreak = 0;
  private lastMaintenanceAt = 0;
  private loopDone: Promise<void> = Promise.resolve();

  constructor(private readonly opts: OutboxRelayOptions) {}

  start(): void {
    this.loopDone = this.loop();
  }

  wake(): void {
    this.wakeRequested = true;
    this.wakeSleeper?.();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loopDone;
  }

  /** Publishes every unpublished row, batch by batch; returns how many. */
  async relayAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.relayBatch();
      total += count;
      if (count < this.opts.batchSize || this.stopping) return total;
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.relayAll();
        await this.maintainIfDue();
        this.errorStreak = 0;
      } catch (error) {
        this.errorStreak += 1;
        this.opts.logger.error({ err: error, streak: this.errorStreak }, 'outbox relay failed; will retry');
      }
      if (this.stopping) break;
      await this.sleep(this.errorStreak === 0 ? this.opts.pollIntervalMs : this.errorBackoffMs());
    }
  }

  private async relayBatch(): Promise<number> {
    let attempted: string[] = [];
    try {
      return await this.opts.db.transaction().execute(async (trx) => {
        const jobs = await this.opts.repository.lockUnpublished(trx, this.opts.batchSize);
        if (jobs.length === 0) return 0;
        attempted = jobs.map((j) => j.id);
        await this.opts.publish(jobs);
        await this.opts.repository.markPublished(trx, attempted, this.opts.clock.now());
        return jobs.length;
      });
    } catch (error) {
      if (attempted.length > 0) {
        await this.opts.repository.recordPublishFailure(attempted, describeError(error)).catch(() => undefined);
      }
      throw error;
    }
  }

  private async maintainIfDue(): Promise<void> {
    const now = this.opts.clock.now();
    if (now.getTime() - this.lastMaintenanceAt < this.opts.maintenanceIntervalMs) return;
    this.lastMaintenanceAt = now.getTime();
    const before = new Date(now.getTime() - this.opts.doneRetentionMs);
    while ((await this.opts.repository.purgePublished(before, PURGE_CHUNK)) === PURGE_CHUNK) {
      // Chunks keep each delete short.
    }
    const { count, oldestAgeMs } = await this.opts.repository.unpublished(now);
    if (count > 0 && oldestAgeMs > this.opts.staleAfterMs) {
      this.opts.logger.warn({ unpublished: count, oldestAgeMs }, 'outbox rows are waiting to be published for too long (is Redis reachable?)');
    }
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
      const timer = setTimeout(done, ms);
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
