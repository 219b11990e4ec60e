import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { KeyedTokenBucket } from '../token-bucket.js';

describe('KeyedTokenBucket', () => {
  it('lets a burst through, then spaces callers at the rate', () => {
    const clock = new ManualClock();
    const bucket = new KeyedTokenBucket(10, { burst: 2, clock });
    expect(bucket.reserve('a')).toBe(0);
    expect(bucket.reserve('a')).toBe(0);
    expect(bucket.reserve('a')).toBe(100);
    expect(bucket.reserve('a')).toBe(200);
    clock.advance(300); // the debt of 2 tokens is repaid and one refilled
    expect(bucket.reserve('a')).toBe(0);
    expect(bucket.reserve('a')).toBe(100);
  });

  it('keeps keys independent and refills up to the burst only', () => {
    const clock = new ManualClock();
    const bucket = new KeyedTokenBucket(80, { clock });
    for (let i = 0; i < 80; i++) expect(bucket.reserve('number-1')).toBe(0);
    expect(bucket.reserve('number-1')).toBeGreaterThan(0);
    expect(bucket.reserve('number-2')).toBe(0);
    clock.advance(60_000);
    for (let i = 0; i < 80; i++) expect(bucket.reserve('number-1')).toBe(0);
    expect(bucket.reserve('number-1')).toBeGreaterThan(0);
  });

  it('rejects a non-positive rate', () => {
    expect(() => new KeyedTokenBucket(0)).toThrow(RangeError);
  });
});
