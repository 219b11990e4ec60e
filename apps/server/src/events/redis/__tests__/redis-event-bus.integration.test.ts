import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defineEventBusContractTests } from '../../../core/events/__tests__/event-bus.contract.js';
import { isRedisReachable, isRedisRequired, testRedisUrl } from '../../../queue/__tests__/bullmq-test-env.js';
import { RedisEventBus } from '../redis-event-bus.js';

const redisUp = await isRedisReachable(testRedisUrl);

describe.runIf(!redisUp)('Redis event bus without Redis', () => {
  it.runIf(isRedisRequired)(`needs Redis at ${testRedisUrl} (required under CI=true / REQUIRE_REDIS=true)`, () => {
    throw new Error(`Redis is not reachable at ${testRedisUrl}`);
  });
  it.skipIf(isRedisRequired)(`skipped: Redis is not reachable at ${testRedisUrl}`, () => undefined);
});

describe.runIf(redisUp)('Redis event bus', () => {
  // One channel per test (its own prefix), so parallel test files never see each other's events.
  defineEventBusContractTests('Redis pub/sub', async () => {
    const prefix = `test-${randomUUID()}`;
    const buses: RedisEventBus[] = [];
    const connect = async (logger?: Parameters<typeof RedisEventBus.connect>[0]['logger']) => {
      const bus = await RedisEventBus.connect({ redisUrl: testRedisUrl, prefix, ...(logger ? { logger } : {}) });
      buses.push(bus);
      return bus;
    };
    return {
      open: (logger) => connect(logger),
      connectPeer: () => connect(),
      dispose: async () => void (await Promise.all(buses.map((bus) => bus.close()))),
    };
  }, { crossProcess: true });

  it('ignores what is not one of its envelopes on its channel, and publishing after close does not throw', async () => {
    const prefix = `test-${randomUUID()}`;
    const bus = await RedisEventBus.connect({ redisUrl: testRedisUrl, prefix });
    const sender = await RedisEventBus.connect({ redisUrl: testRedisUrl, prefix });
    try {
      const seen: string[] = [];
      bus.subscribe('message.queued', (p) => void seen.push(p.messageId));
      const { Redis } = await import('ioredis');
      const client = new Redis(testRedisUrl);
      try {
        await client.publish(bus.channel, 'not json');
        await client.publish(bus.channel, JSON.stringify({ v: 99, name: 'message.queued', payload: { messageId: 'future' } }));
      } finally {
        client.disconnect();
      }
      sender.publish('message.queued', { tenantId: 't', channelId: 'c', conversationId: 'v', messageId: 'valid' });
      await expect.poll(() => seen).toEqual(['valid']);
    } finally {
      await sender.close();
      await bus.close();
    }
    expect(() => bus.publish('message.queued', { tenantId: 't', channelId: 'c', conversationId: 'v', messageId: 'late' })).not.toThrow();
  });
});
