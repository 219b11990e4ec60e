import { Type } from 'typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/helpers/eventually.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../../../test/helpers/test-database.js';
import { ManualClock } from '../../core/clock.js';
import { InProcessJobQueue, type InProcessJobQueueOptions } from '../in-process/in-process-job-queue.js';
import { defineJob, type JobQueue } from '../job-queue.js';
import { defineJobQueueContractTests } from './job-queue.contract.js';

const LEASE_MS = 1_000;

defineJobQueueContractTests(`in-process (${testDialect()})`, async () => {
  const database = await createTestDatabase();
  const queues: JobQueue[] = [];
  const open = (): JobQueue => {
    const queue = new InProcessJobQueue({ database, leaseMs: LEASE_MS });
    queues.push(queue);
    return queue;
  };
  return {
    queue: open(),
    database,
    leaseMs: LEASE_MS,
    // Same database, new instance with its own worker id: what a restarted (or second) process sees.
    // On PostgreSQL the pool hands the instances different connections, so SKIP LOCKED is exercised.
    openAnother: async () => open(),
    dispose: async () => {
      await Promise.all(queues.map((q) => q.stop({ drainMs: 0 })));
      await database.destroy();
    },
  };
});

describe(`in-process job queue specifics (${testDialect()})`, () => {
  const Payload = Type.Object({ n: Type.Integer() });
  let database: TestDatabase | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await database?.destroy();
    database = undefined;
  });

  async function openQueue(opts: Partial<InProcessJobQueueOptions> = {}): Promise<InProcessJobQueue> {
    database ??= await createTestDatabase();
    const queue = new InProcessJobQueue({ database, leaseMs: LEASE_MS, ...opts });
    cleanups.push(() => queue.stop({ drainMs: 0 }));
    return queue;
  }

  it('shares the table between two instances: every job runs once, both take part', async () => {
    const first = await openQueue();
    const second = await openQueue();
    const job = defineJob({ name: 'shared.once', schema: Payload, concurrency: 4 });
    const runs = new Map<number, string[]>();
    for (const [label, queue] of [['a', first], ['b', second]] as const) {
      queue.work(job, async ({ n }) => {
        runs.set(n, [...(runs.get(n) ?? []), label]);
        await new Promise((resolve) => setTimeout(resolve, 2));
      });
    }
    for (let n = 0; n < 300; n += 1) await first.enqueue(job, { n });
    await Promise.all([first.start(), second.start()]);
    await eventually(async () => expect(await first.stats()).toEqual({ pending: 0, running: 0, failed: 0 }), { timeoutMs: 30_000 });
    expect(runs.size).toBe(300);
    expect([...runs.values()].filter((labels) => labels.length !== 1)).toEqual([]);
    const byA = [...runs.values()].filter(([label]) => label === 'a').length;
    expect(byA).toBeGreaterThan(0);
    expect(byA).toBeLessThan(300);
  });

  it('pause holds back one job kind (enqueueing goes on, other kinds run); resume runs what piled up', async () => {
    const queue = await openQueue({ pollIntervalMs: 20 });
    const held = defineJob({ name: 'pause.held', schema: Payload, concurrency: 2 });
    const other = defineJob({ name: 'pause.other', schema: Payload });
    const heldRuns: number[] = [];
    const otherRuns: number[] = [];
    queue.work(held, async ({ n }) => void heldRuns.push(n));
    queue.work(other, async ({ n }) => void otherRuns.push(n));
    await queue.start();
    await queue.enqueue(held, { n: 0 });
    await eventually(() => expect(heldRuns).toEqual([0]));

    queue.pause(held.name);
    for (let n = 1; n <= 20; n += 1) await queue.enqueue(held, { n });
    await queue.enqueue(other, { n: 99 });
    await eventually(() => expect(otherRuns).toEqual([99]));
    // Several poll intervals after the other kind ran, the paused kind still has not.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heldRuns).toEqual([0]);
    expect(await queue.stats()).toMatchObject({ failed: 0 });

    queue.resume(held.name);
    await eventually(() => expect([...heldRuns].sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, n) => n)));
    await eventually(async () => expect(await queue.stats()).toEqual({ pending: 0, running: 0, failed: 0 }));
  });

  it('refuses to pause a job kind without a handler here', async () => {
    const queue = await openQueue();
    expect(() => queue.pause('nobody.handles')).toThrow('no handler');
  });

  it('deletes done jobs at once when doneRetentionMs is 0', async () => {
    const queue = await openQueue({ doneRetentionMs: 0 });
    const job = defineJob({ name: 'retention.none', schema: Payload });
    queue.work(job, async () => undefined);
    await queue.start();
    const { jobId } = await queue.enqueue(job, { n: 1 }, { dedupeKey: 'once' });
    await eventually(async () => expect(await queue.getJob(jobId)).toBeNull());
    // With the row gone, the dedupe key is free again.
    expect((await queue.enqueue(job, { n: 2 }, { dedupeKey: 'once' })).deduplicated).toBe(false);
  });

  it('keeps done jobs for the retention period, then purges them', async () => {
    const clock = new ManualClock(new Date());
    const queue = await openQueue({ clock, doneRetentionMs: 60_000, purgeIntervalMs: 20 });
    const job = defineJob({ name: 'retention.kept', schema: Payload });
    queue.work(job, async () => undefined);
    await queue.start();
    const { jobId } = await queue.enqueue(job, { n: 1 }, { dedupeKey: 'kept' });
    await eventually(async () => expect((await queue.getJob(jobId))?.status).toBe('done'));
    expect(await queue.enqueue(job, { n: 2 }, { dedupeKey: 'kept' })).toEqual({ jobId, deduplicated: true });
    clock.advance(60_001);
    await eventually(async () => expect(await queue.getJob(jobId)).toBeNull());
  });

  it('fails a job whose lease expired when the crash used its last attempt', async () => {
    const crashed = await openQueue();
    const job = defineJob({ name: 'lease.last-attempt', schema: Payload, maxAttempts: 1 });
    const started: number[] = [];
    crashed.work(job, ({ n }) => new Promise<void>(() => void started.push(n)));
    await crashed.start();
    const { jobId } = await crashed.enqueue(job, { n: 1 });
    await eventually(() => expect(started).toEqual([1]));
    await crashed.stop({ drainMs: 0 });

    const next = await openQueue();
    let ranAgain = false;
    next.work(job, async () => void (ranAgain = true));
    await next.start();
    await eventually(async () => expect(await next.getJob(jobId)).toMatchObject({ status: 'failed', attempts: 1 }), { timeoutMs: 15_000 });
    expect((await next.getJob(jobId))?.lastError).toContain('lease expired');
    expect(ranAgain).toBe(false);
  });

  it('keeps the lease of a long-running job alive (no second run while the first is still working)', async () => {
    const queue = await openQueue({ leaseMs: 300 });
    const other = await openQueue({ leaseMs: 300 });
    const job = defineJob({ name: 'lease.heartbeat', schema: Payload });
    let runs = 0;
    let finished = false;
    const handler = async (): Promise<void> => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 1_500)); // five leases long
      finished = true;
    };
    queue.work(job, handler);
    other.work(job, handler);
    await queue.start();
    const { jobId } = await queue.enqueue(job, { n: 1 });
    await eventually(() => expect(runs).toBe(1));
    await other.start();
    await eventually(() => expect(finished).toBe(true), { timeoutMs: 10_000 });
    await eventually(async () => expect((await queue.getJob(jobId))?.status).toBe('done'));
    expect(runs).toBe(1);
  });
});
