import { describe, expect, it } from 'vitest';
import { isServiceWindowOpen, requiresServiceWindow, SERVICE_WINDOW_MS } from '../service-window.js';
import { ThroughputLimiter } from '../throughput.js';

describe('ThroughputLimiter', () => {
  it('allows `limit` sends per sliding second per number', () => {
    let now = 0;
    const limiter = new ThroughputLimiter(2, () => now);
    expect([limiter.tryAcquire('a'), limiter.tryAcquire('a'), limiter.tryAcquire('a'), limiter.tryAcquire('b')]).toEqual([true, true, false, true]);
    now = 999;
    expect(limiter.tryAcquire('a')).toBe(false);
    now = 1000;
    expect(limiter.tryAcquire('a')).toBe(true);
  });

  it('is unlimited at 0', () => {
    const limiter = new ThroughputLimiter(0, () => 0);
    expect(Array.from({ length: 1000 }, () => limiter.tryAcquire('a')).every(Boolean)).toBe(true);
  });
});

describe('service window', () => {
  it('is open for 24 hours after the last customer message', () => {
    expect(isServiceWindowOpen(undefined, 0)).toBe(false);
    expect(isServiceWindowOpen(0, SERVICE_WINDOW_MS - 1)).toBe(true);
    expect(isServiceWindowOpen(0, SERVICE_WINDOW_MS)).toBe(false);
  });

  it('applies to everything but templates', () => {
    expect(requiresServiceWindow('template')).toBe(false);
    expect(['text', 'image', 'interactive', 'reaction'].every(requiresServiceWindow)).toBe(true);
  });
});
