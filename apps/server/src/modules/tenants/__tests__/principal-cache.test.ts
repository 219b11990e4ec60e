import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/clock.js';
import { PrincipalCache } from '../principal-cache.js';

const principal = (apiKeyId: string) => ({ tenantId: 't', apiKeyId, scopes: ['admin' as const] });

describe('PrincipalCache', () => {
  it('returns an entry until its TTL has passed', () => {
    const clock = new ManualClock();
    const cache = new PrincipalCache({ ttlMs: 1000, maxEntries: 10, clock });
    cache.set('h1', principal('k1'));
    clock.advance(999);
    expect(cache.get('h1')?.apiKeyId).toBe('k1');
    clock.advance(1);
    expect(cache.get('h1')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('evicts the least recently used entry beyond its bound', () => {
    const cache = new PrincipalCache({ ttlMs: 1000, maxEntries: 2, clock: new ManualClock() });
    cache.set('h1', principal('k1'));
    cache.set('h2', principal('k2'));
    expect(cache.get('h1')).toBeDefined(); // h1 is now the most recent
    cache.set('h3', principal('k3'));
    expect(cache.size).toBe(2);
    expect(cache.get('h2')).toBeUndefined();
    expect(cache.get('h1')).toBeDefined();
    expect(cache.get('h3')).toBeDefined();
  });

  it('forgets every entry of a revoked key at once', () => {
    const cache = new PrincipalCache({ ttlMs: 1000, maxEntries: 10, clock: new ManualClock() });
    cache.set('h1', principal('k1'));
    cache.set('h2', principal('k2'));
    cache.evictApiKey('k1');
    expect(cache.get('h1')).toBeUndefined();
    expect(cache.get('h2')).toBeDefined();
  });

  it('caches nothing with a TTL of 0', () => {
    const cache = new PrincipalCache({ ttlMs: 0, maxEntries: 10, clock: new ManualClock() });
    cache.set('h1', principal('k1'));
    expect(cache.get('h1')).toBeUndefined();
  });
});
