import type { Clock } from './clock.js';
import { systemClock } from './clock.js';

/**
 * A token bucket per key (one per WhatsApp number): `ratePerSecond` tokens refill continuously up
 * to `burst`. `reserve` always takes a token and answers how long the caller must wait before using
 * it, so concurrent callers queue up in order instead of racing. Meta's throughput limit per number
 * (80 messages/s by default) then sets the pace, not 130429 errors.
 */
export class KeyedTokenBucket {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();
  private readonly burst: number;

  constructor(
    private readonly ratePerSecond: number,
    opts: { burst?: number; clock?: Clock } = {},
    private readonly clock: Clock = opts.clock ?? systemClock,
  ) {
    if (!(ratePerSecond > 0)) throw new RangeError('ratePerSecond must be > 0');
    this.burst = opts.burst ?? Math.max(1, Math.ceil(ratePerSecond));
  }

  /** Takes one token for `key`; returns the milliseconds to wait before acting (0 = now). */
  reserve(key: string): number {
    const now = this.clock.now().getTime();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, updatedAt: now };
    const refilled = Math.min(this.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.ratePerSecond);
    bucket.tokens = refilled - 1;
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    return bucket.tokens >= 0 ? 0 : Math.ceil((-bucket.tokens / this.ratePerSecond) * 1000);
  }
}
