import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../core/clock.js';
import { KeyedTokenBucket } from '../core/token-bucket.js';
import type { SendPacer } from '../modules/messages/index.js';

/**
 * Per-number pacing in this process. The wait is bounded by the send job's concurrency divided by
 * the rate (64 / 80 per s < 1 s), so holding the worker slot is cheaper than a requeue round-trip.
 */
export function createSendPacer(ratePerSecond: number, clock: Clock): SendPacer {
  const bucket = new KeyedTokenBucket(ratePerSecond, { clock });
  return {
    async wait(channelId) {
      const ms = bucket.reserve(channelId);
      if (ms > 0) await sleep(ms);
    },
  };
}
