/**
 * Where the BullMQ integration tests find Redis, and whether its absence is a failure. Test
 * infrastructure switches, read here like `test/helpers/test-database.ts` reads DB_TYPE.
 */
import { connect } from 'node:net';

// eslint-disable-next-line no-restricted-properties -- test infrastructure, not application config (see test/helpers/test-database.ts)
const env = process.env;

export const testRedisUrl = env.QUEUE_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Under CI (and in `npm test`'s PostgreSQL pass) a missing Redis fails the run instead of skipping. */
export const isRedisRequired = env.CI === 'true' || env.REQUIRE_REDIS === 'true';

export function isRedisReachable(url: string, timeoutMs = 1_500): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(false));
  });
}
