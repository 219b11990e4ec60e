import { Queue } from 'bullmq';
import { isRedisReachable, isRedisRequired, testRedisUrl } from '../../src/queue/__tests__/bullmq-test-env.js';

/** Where e2e tests find Redis, and whether its absence fails the run (CI=true / REQUIRE_REDIS=true). */
export { isRedisReachable, isRedisRequired, testRedisUrl };

/** Deletes every key under `prefix:` (a test file's BullMQ prefix), so runs leave Redis as they found it. */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const probe = new Queue('cleanup', { connection: { url: redisUrl }, prefix });
  try {
    const client = await probe.client;
    for await (const keys of client.scanStream({ match: `${prefix}:*`, count: 500 })) {
      if ((keys as string[]).length > 0) await client.del(...(keys as string[]));
    }
  } finally {
    await probe.close();
  }
}
