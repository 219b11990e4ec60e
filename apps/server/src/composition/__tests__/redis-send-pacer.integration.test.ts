import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.js';
import { isRedisReachable, isRedisRequired, testRedisUrl } from '../../queue/__tests__/bullmq-test-env.js';
import { deleteRedisKeys } from '../../../test/helpers/test-redis.js';
import { createRedisSendPacer, type RedisSendPacerHandle } from '../redis-send-pacer.js';

const redisUp = await isRedisReachable(testRedisUrl);

describe.runIf(!redisUp)('Redis send pacer without Redis', () => {
  it.runIf(isRedisRequired)(`needs Redis at ${testRedisUrl} (required under CI=true / REQUIRE_REDIS=true)`, () => {
    expect.fail(`Redis is not reachable at ${testRedisUrl}`);
  });
  it.skipIf(isRedisRequired)(`skipped: Redis is not reachable at ${testRedisUrl}`, () => undefined);
});

describe.runIf(redisUp)('Redis send pacer (shared by worker processes)', () => {
  const prefix = `test-${randomUUID()}`;
  const handles: RedisSendPacerHandle[] = [];
  const open = async (ratePerSecond: number) => {
    const handle = await createRedisSendPacer({ redisUrl: testRedisUrl, ratePerSecond, prefix, logger: silentLogger });
    handles.push(handle);
    return handle.pacer;
  };
  afterAll(async () => {
    await Promise.all(handles.map((h) => h.close()));
    await deleteRedisKeys(testRedisUrl, prefix);
  });

  it('a second "process" waits for the budget the first one used up on the same number', async () => {
    const [a, b] = [await open(5), await open(5)];
    await a.wait('channel-1');
    const windowOpenedBy = Date.now();
    for (let i = 0; i < 4; i += 1) await a.wait('channel-1');
    await b.wait('channel-1');
    // Paced per process, b would go at once; shared, it waits for the next one-second window.
    expect(Date.now() - windowOpenedBy).toBeGreaterThanOrEqual(800);
  });
});
