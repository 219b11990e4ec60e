/**
 * The behaviour every `JobQueue` driver must show (ARCHITECTURE.md §7, n8n's
 * `defineJobQueueContractTests`). Run it from each driver's integration test with a factory that
 * returns a fresh queue on fresh storage per test. No timing assertions: "not before" properties are
 * checked against timestamps the handler records, everything else is polled with `eventually()`.
 */
import { Type } from 'typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/helpers/eventually.js';
import { inTransaction, type DatabaseHandle } from '../../db/database.js';
import { DeferJobError, JobPayloadError, PermanentJobError, RetryJobError } from '../job-errors.js';
import { defineJob, type JobDefinition, type JobInfo, type JobQueue, type JobQueueStats } from '../job-queue.js';

export type JobQueueContractHarness = {
  /** A fresh, not yet started queue. */
  queue: JobQueue;
  /** The storage the queue writes to (transactions in tests run on it). */
  database: DatabaseHandle;
  /** Another instance on the same storage: a second process, or this one after a restart. */
  openAnother(): Promise<JobQueue>;
  /** The lease every instance uses; a crashed instance's jobs run elsewhere once it has passed. */
  leaseMs: number;
  /** Stops every instance and removes the storage. */
  dispose(): Promise<void>;
};

const Payload = Type.Object({ n: Type.Integer() });
type Deferred = { promise: Promise<void>; resolve(): void };

function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

async function stats(queue: JobQueue): Promise<JobQueueStats> {
  if (!queue.stats) throw new Error('the contract needs stats()');
  return queue.stats();
}

async function jobInfo(queue: JobQueue, id: string): Promise<JobInfo | null> {
  if (!queue.getJob) throw new Error('the contract needs getJob()');
  return queue.getJob(id);
}

async function enqueueMany(queue: JobQueue, job: JobDefinition<{ n: number }>, count: number): Promise<void> {
  for (let start = 0; start < count; start += 25) {
    const batch = Array.from({ length: Math.min(25, count - start) }, (_, i) => queue.enqueue(job, { n: start + i }));
    await Promise.all(batch);
  }
}

const settle = { timeoutMs: 20_000 };

export function defineJobQueueContractTests(name: string, factory: () => Promise<JobQueueContractHarness>): void {
  describe(`JobQueue contract: ${name}`, () => {
    let h: JobQueueContractHarness | undefined;
    const open = async (): Promise<JobQueueContractHarness> => (h = await factory());
    afterEach(async () => {
      await h?.dispose();
      h = undefined;
    });

    it('runs each job exactly once (1,000 jobs, concurrency 8, never more than 8 at once)', async () => {
      const { queue } = await open();
      const job = defineJob({ name: 'contract.once', schema: Payload, concurrency: 8 });
      const counts = new Map<number, number>();
      let running = 0;
      let maxRunning = 0;
      queue.work(job, async ({ n }) => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        counts.set(n, (counts.get(n) ?? 0) + 1);
        await new Promise((resolve) => setImmediate(resolve));
        running -= 1;
      });
      await queue.start();
      await enqueueMany(queue, job, 1_000);
      await eventually(() => expect(counts.size).toBe(1_000), { timeoutMs: 60_000 });
      await eventually(async () => expect(await stats(queue)).toEqual({ pending: 0, running: 0, failed: 0 }), settle);
      expect([...counts.entries()].filter(([, c]) => c !== 1)).toEqual([]);
      expect(maxRunning).toBeGreaterThan(1);
      expect(maxRunning).toBeLessThanOrEqual(8);
    });

    it('de-duplicates by dedupeKey, also inside a transaction, and returns the existing job', async () => {
      const { queue, database } = await open();
      const job = defineJob({ name: 'contract.dedupe', schema: Payload });
      const first = await queue.enqueue(job, { n: 1 }, { dedupeKey: 'k1' });
      const again = await queue.enqueue(job, { n: 2 }, { dedupeKey: 'k1' });
      const inTrx = await inTransaction(database.db, (trx) => queue.enqueue(job, { n: 3 }, { trx, dedupeKey: 'k1' }));
      const other = await queue.enqueue(job, { n: 4 }, { dedupeKey: 'k2' });
      expect(first.deduplicated).toBe(false);
      expect(again).toEqual({ jobId: first.jobId, deduplicated: true });
      expect(inTrx).toEqual({ jobId: first.jobId, deduplicated: true });
      expect(other.deduplicated).toBe(false);
      expect(other.jobId).not.toBe(first.jobId);
      expect((await stats(queue)).pending).toBe(2);

      const seen: number[] = [];
      queue.work(job, async ({ n }) => void seen.push(n));
      await queue.start();
      await eventually(async () => expect(await stats(queue)).toEqual({ pending: 0, running: 0, failed: 0 }), settle);
      expect(seen.sort()).toEqual([1, 4]);
    });

    it('does not run a job before its runAt', async () => {
      const { queue } = await open();
      const job = defineJob({ name: 'contract.run-at', schema: Payload });
      const ran: { n: number; at: number }[] = [];
      queue.work(job, async ({ n }) => void ran.push({ n, at: Date.now() }));
      await queue.start();
      const runAt = new Date(Date.now() + 1_500);
      await queue.enqueue(job, { n: 1 }, { runAt });
      await queue.enqueue(job, { n: 2 });
      await eventually(() => expect(ran.map((r) => r.n)).toEqual([2, 1]), settle);
      expect(ran[1]!.at).toBeGreaterThanOrEqual(runAt.getTime());
    });

    it('runs higher priority first, then in enqueue order', async () => {
      const { queue } = await open();
      const job = defineJob({ name: 'contract.priority', schema: Payload });
      for (const [n, priority] of [[1, 0], [2, 0], [3, 5], [4, -5], [5, 5], [6, 0]] as const) {
        await queue.enqueue(job, { n }, { priority });
      }
      const order: number[] = [];
      queue.work(job, async ({ n }) => void order.push(n), { concurrency: 1 });
      await queue.start();
      await eventually(() => expect(order).toHaveLength(6), settle);
      expect(order).toEqual([3, 5, 1, 2, 6, 4]);
    });

    it('retries a failing job with backoff until it succeeds', async () => {
      const { queue } = await open();
      const job = defineJob({ name: 'contract.flaky', schema: Payload, maxAttempts: 5, backoff: { baseMs: 20, maxMs: 100 } });
      const attempts: number[] = [];
      queue.work(job, async (_p, ctx) => {
        attempts.push(ctx.attempt);
        if (ctx.attempt < 3) throw new Error(`flaky ${ctx.attempt}`);
      });
      await queue.start();
      const { jobId } = await queue.enqueue(job, { n: 1 });
      await eventually(async () => expect(await jobInfo(queue, jobId)).toMatchObject({ status: 'done', attempts: 3 }), settle);
      expect(attempts).toEqual([1, 2, 3]);
    });

    it('honours RetryJobError.retryAfterMs (not before), counting an attempt', async () => {
      const { queue } = await open();
      // A tiny default backoff, so only retryAfterMs can explain a long pause.
      const job = defineJob({ name: 'contract.retry-after', schema: Payload, maxAttempts: 3, backoff: { baseMs: 5, maxMs: 5 } });
      const runs: { attempt: number; at: number }[] = [];
      queue.work(job, async (_p, ctx) => {
        runs.push({ attempt: ctx.attempt, at: Date.now() });
        if (ctx.attempt === 1) throw new RetryJobError('rate limited', { retryAfterMs: 600 });
      });
      await queue.start();
      const { jobId } = await queue.enqueue(job, { n: 1 });
      await eventually(async () => expect(await jobInfo(queue, jobId)).toMatchObject({ status: 'done', attempts: 2 }), settle);
      expect(runs.map((r) => r.attempt)).toEqual([1, 2]);
      expect(runs[1]!.at - runs[0]!.at).toBeGreaterThanOrEqual(600);
    });

    it('defers on DeferJobError (not before retryAfterMs) without using up attempts', async () => {
      const { queue } = await open();
      const job = defineJob({ name: 'contract.defer', schema: Payload, maxAttempts: 2, backoff: { baseMs: 5, maxMs: 5 } });
      const runs: number[] = [];
      queue.work(job, async () => {
        runs.push(Date.now());
        // Four deferrals with maxAttempts 2: only deferrals that do not count let it finish.
        if (runs.length <= 4) throw new DeferJobError('circuit open', { retryAfterMs: 150 });
      });
      await queue.start();
      const { jobId } = await queue.enqueue(job, { n: 1 });
      await eventually(async () => expect(await jobInfo(queue, jobId)).toMatchObject({ status: 'done' }), settle);
      expect(runs).toHaveLength(5);
      for (let i = 1; i < runs.length; i += 1) expect(runs[i]! - runs[i - 1]!).toBeGreaterThanOrEqual(150);
    });

    it('fails at once on PermanentJobError, keeping the error', async () => {
      const { queue } = await open();
      const job = defineJob({ name: 'contract.permanent', schema: Payload, maxAttempts: 5, backoff: { baseMs: 5, maxMs: 5 } });
      let calls = 0;
      queue.work(job, async () => {
        calls += 1;
        throw new PermanentJobError('template rejected');
      });
      await queue.start();
      const { jobId } = await queue.enqueue(job, { n: 1 });
      await eventually(async () => expect(await jobInfo(queue, jobId)).toMatchObject({ status: 'failed', attempts: 1 }), settle);
      expect((await jobInfo(queue, jobId))?.lastError).toContain('template rejected');
      expect(calls).toBe(1);
      expect(await stats(queue)).toEqual({ pending: 0, running: 0, failed: 1 });
    });

    it('marks a job failed after maxAttempts, with its last error', async () => {
      const { queue } = await open();
      const job = defineJob({ name: 'contract.exhausted', schema: Payload, maxAttempts: 3, backoff: { baseMs: 5, maxMs: 20 } });
      let calls = 0;
      queue.work(job, async (_p, ctx) => {
        calls += 1;
        throw new Error(`boom ${ctx.attempt}`);
      });
      await queue.start();
      const { jobId } = await queue.enqueue(job, { n: 1 });
      await eventually(async () => expect(await jobInfo(queue, jobId)).toMatchObject({ status: 'failed', attempts: 3 }), settle);
      expect((await jobInfo(queue, jobId))?.lastError).toContain('boom 3');
      expect(calls).toBe(3);
    });

    it('rejects an invalid payload on enqueue, and fails an invalid stored payload without calling the handler', async () => {
      const { queue } = await open();
      const producer = defineJob({ name: 'contract.shape', schema: Payload });
      await expect(queue.enqueue(producer, { n: 'one' } as unknown as { n: number })).rejects.toBeInstanceOf(JobPayloadError);
      expect((await stats(queue)).pending).toBe(0);

      // The consumer's schema disagrees with the producer's (a deploy with a changed job shape).
      const consumer = defineJob({ name: 'contract.shape', schema: Type.Object({ n: Type.String() }), maxAttempts: 5 });
      let calls = 0;
      queue.work(consumer, async () => void (calls += 1));
      await queue.start();
      const { jobId } = await queue.enqueue(producer, { n: 1 });
      await eventually(async () => expect(await jobInfo(queue, jobId)).toMatchObject({ status: 'failed', attempts: 1 }), settle);
      expect((await jobInfo(queue, jobId))?.lastError).toContain('Invalid payload');
      expect(calls).toBe(0);
    });

    it('never runs more handlers of one job at once than its concurrency', async () => {
      const { queue } = await open();
      const job = defineJob({ name: 'contract.cap', schema: Payload, concurrency: 10 });
      let running = 0;
      let maxRunning = 0;
      let done = 0;
      queue.work(job, async () => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((resolve) => setTimeout(resolve, 15)); // simulated work, not an assertion
        running -= 1;
        done += 1;
      }, { concurrency: 3 });
      await enqueueMany(queue, job, 24);
      await queue.start();
      await eventually(() => expect(done).toBe(24), settle);
      expect(maxRunning).toBe(3);
    });

    it('stops gracefully: in-flight jobs finish, nothing new starts, the rest runs after the next start', async () => {
      const { queue, openAnother } = await open();
      const job = defineJob({ name: 'contract.stop', schema: Payload });
      const gate = deferred();
      const started: number[] = [];
      const finished: number[] = [];
      queue.work(job, async ({ n }) => {
        started.push(n);
        await gate.promise;
        finished.push(n);
      }, { concurrency: 2 });
      const ids = [];
      for (const n of [1, 2, 3]) ids.push((await queue.enqueue(job, { n })).jobId);
      await queue.start();
      await eventually(() => expect(started).toHaveLength(2), settle);
      const stopping = queue.stop({ drainMs: 30_000 });
      gate.resolve();
      await stopping;
      expect(started.sort()).toEqual([1, 2]);
      expect(finished.sort()).toEqual([1, 2]);

      // A stopped instance is done with; inspect and continue through a new one.
      const next = await openAnother();
      expect((await jobInfo(next, ids[0]!))?.status).toBe('done');
      expect((await jobInfo(next, ids[2]!))?.status).toBe('pending');
      const later: number[] = [];
      next.work(job, async ({ n }) => void later.push(n));
      await next.start();
      await eventually(() => expect(later).toEqual([3]), settle);
      expect(started).toHaveLength(2);
    });

    it('never runs a job enqueued in a transaction that rolled back', async () => {
      const { queue, database } = await open();
      const job = defineJob({ name: 'contract.trx', schema: Payload });
      const seen: number[] = [];
      queue.work(job, async ({ n }) => void seen.push(n));
      await queue.start();
      let rolledBackId = '';
      await expect(inTransaction(database.db, async (trx) => {
        rolledBackId = (await queue.enqueue(job, { n: 1 }, { trx })).jobId;
        throw new Error('rollback');
      })).rejects.toThrow('rollback');
      await inTransaction(database.db, (trx) => queue.enqueue(job, { n: 2 }, { trx }));
      await queue.enqueue(job, { n: 3 });
      await eventually(() => expect(seen.sort()).toEqual([2, 3]), settle);
      await eventually(async () => expect(await stats(queue)).toEqual({ pending: 0, running: 0, failed: 0 }), settle);
      expect(await jobInfo(queue, rolledBackId)).toBeNull();
      expect(seen).not.toContain(1);
    });

    it('survives a crash: a job held by a dead instance runs on a new one once the lease expires', async () => {
      const { queue, openAnother, leaseMs } = await open();
      const job = defineJob({ name: 'contract.crash', schema: Payload, maxAttempts: 5 });
      const startedOnA = deferred();
      let abortedOnA = false;
      // Never settles, even when aborted: a hung or dead process that will not report back.
      queue.work(job, (_p, ctx) => new Promise<void>(() => {
        ctx.signal.addEventListener('abort', () => (abortedOnA = true));
        startedOnA.resolve();
      }));
      await queue.start();
      const { jobId } = await queue.enqueue(job, { n: 7 });
      await startedOnA.promise;
      await queue.stop({ drainMs: 0 });
      expect(abortedOnA).toBe(true);

      const next = await openAnother();
      expect((await jobInfo(next, jobId))?.status).toBe('running');
      const runs: { n: number; attempt: number }[] = [];
      next.work(job, async ({ n }, ctx) => void runs.push({ n, attempt: ctx.attempt }));
      await next.start();
      await eventually(() => expect(runs).toEqual([{ n: 7, attempt: 2 }]), { timeoutMs: leaseMs * 4 + 20_000 });
      await eventually(async () => expect((await jobInfo(next, jobId))?.status).toBe('done'), settle);
    });
  });
}
