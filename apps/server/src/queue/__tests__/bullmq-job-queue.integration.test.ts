import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/helpers/eventually.js';
import { deleteRedisKeys } from '../../../test/helpers/test-redis.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../../../test/helpers/test-database.js';
import { BullmqJobQueue } from '../bullmq/bullmq-job-queue.js';
import { defineJob, type JobQueue } from '../job-queue.js';
import { isRedisReachable, isRedisRequired, testRedisUrl } from './bullmq-test-env.js';
import { defineJobQueueContractTests } from './job-queue.contract.js';

const LEASE_MS = 1_000;
const isPostgres = testDialect() === 'postgres';
const redisUp = isPostgres && (await isRedisReachable(testRedisUrl));
// One Redis prefix per file (BullMQ's own test habit), one sub-prefix per test.
const filePrefix = `test-${randomUUID()}`;
let testCounter = 0;


async function openHarnessParts(): Promise<{ database: TestDatabase; open(): BullmqJobQueue; dispose(): Promise<void> }> {
  const database = await createTestDatabase();
  const prefix = `${filePrefix}-${++testCounter}`;
  const queues: JobQueue[] = [];
  return {
    database,
    open: () => {
      const queue = new BullmqJobQueue({ database, redisUrl: testRedisUrl, prefix, leaseMs: LEASE_MS });
      queues.push(queue);
      return queue;
    },
    dispose: async () => {
      await Promise.all(queues.map((q) => q.stop({ drainMs: 0 })));
      await deleteRedisKeys(testRedisUrl, prefix);
      await database.destroy();
    },
  };
}

describe.skipIf(isPostgres)('BullMQ job queue on SQLite', () => {
  it('is refused: BullMQ requires PostgreSQL by design (the outbox joins the caller\'s transaction)', async () => {
    const database = await createTestDatabase();
    try {
      expect(() => new BullmqJobQueue({ database, redisUrl: testRedisUrl })).toThrow(/requires PostgreSQL/);
    } finally {
      await database.destroy();
    }
  });
});

describe.runIf(isPostgres && !redisUp)('BullMQ job queue without Redis', () => {
  if (isRedisRequired) {
    it(`needs Redis at ${testRedisUrl} (required under CI=true / REQUIRE_REDIS=true)`, () => {
      throw new Error(`Redis is not reachable at ${testRedisUrl}; start it, or unset CI/REQUIRE_REDIS to skip the BullMQ tests`);
    });
  } else {
    it.skip(`skipped: Redis is not reachable at ${testRedisUrl} (CI=true or REQUIRE_REDIS=true would fail instead)`, () => undefined);
  }
});

// Skipped on SQLite on purpose: BullMQ requires PostgreSQL by design (see the SQLite block above).
describe.runIf(isPostgres && redisUp)('BullMQ job queue (PostgreSQL + Redis)', () => {
  defineJobQueueContractTests('bullmq', async () => {
    const parts = await openHarnessParts();
    return { queue: parts.open(), database: parts.database, leaseMs: LEASE_MS, openAnother: async () => parts.open(), dispose: parts.dispose };
  });

  describe('outbox relay', () => {
    const Payload = Type.Object({ n: Type.Integer() });
    let parts: Awaited<ReturnType<typeof openHarnessParts>> | undefined;
    afterEach(async () => {
      await parts?.dispose();
      parts = undefined;
    });

    it('publishes rows left by a process that never relayed them', async () => {
      parts = await openHarnessParts();
      const job = defineJob({ name: 'relay.orphan', schema: Payload });
      const producer = parts.open(); // enqueues, then "dies" without ever starting its relay
      const { jobId } = await producer.enqueue(job, { n: 1 });
      expect(await producer.getJob(jobId)).toMatchObject({ status: 'pending', attempts: 0 });
      const worker = parts.open();
      const seen: number[] = [];
      worker.work(job, async ({ n }) => void seen.push(n));
      await worker.start();
      await eventually(() => expect(seen).toEqual([1]));
      const row = await parts.database.db.selectFrom('outbox').select('published_at').where('id', '=', jobId).executeTakeFirstOrThrow();
      expect(row.published_at).not.toBeNull();
    });

    it('does not run a job twice when its row is published again (crash between publish and mark)', async () => {
      parts = await openHarnessParts();
      const job = defineJob({ name: 'relay.republish', schema: Payload });
      const queue = parts.open();
      const seen: number[] = [];
      queue.work(job, async ({ n }) => void seen.push(n), { concurrency: 1 });
      await queue.start();
      const { jobId } = await queue.enqueue(job, { n: 1 });
      await eventually(async () => expect((await queue.getJob(jobId))?.status).toBe('done'));
      // Simulate the crash window: the row looks unpublished again, so the sweep re-publishes it.
      await parts.database.db.updateTable('outbox').set({ published_at: null }).where('id', '=', jobId).execute();
      await eventually(async () => {
        const row = await parts!.database.db.selectFrom('outbox').select('published_at').where('id', '=', jobId).executeTakeFirstOrThrow();
        expect(row.published_at).not.toBeNull();
      });
      // A barrier behind it in FIFO order: once it ran, a duplicate would have run before it.
      await queue.enqueue(job, { n: 2 });
      await eventually(() => expect(seen).toContain(2));
      expect(seen).toEqual([1, 2]);
    });
  });
});
