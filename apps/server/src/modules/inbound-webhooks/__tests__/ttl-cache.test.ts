import { describe, expect, it } from 'vitest';
import { TtlCache } from '../ttl-cache.js';
import { cacheWebhookChannels, type WebhookChannel, type WebhookChannelDirectory } from '../webhook-channels.js';

function clock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => { now += ms; } };
}

describe('TtlCache', () => {
  it('serves a loaded value until it expires, then loads again', async () => {
    const time = clock();
    const cache = new TtlCache<number>({ ttlMs: 100, now: time.now });
    let loads = 0;
    const load = async () => { loads += 1; return loads; };
    expect(await cache.get('k', load)).toBe(1);
    time.advance(99);
    expect(await cache.get('k', load)).toBe(1);
    time.advance(1);
    expect(await cache.get('k', load)).toBe(2);
  });

  it('shares one load between concurrent misses', async () => {
    const cache = new TtlCache<string>({ ttlMs: 100 });
    let loads = 0;
    const load = async () => { loads += 1; return 'v'; };
    await Promise.all([cache.get('k', load), cache.get('k', load), cache.get('k', load)]);
    expect(loads).toBe(1);
  });

  it('remembers misses for the shorter miss TTL', async () => {
    const time = clock();
    const cache = new TtlCache<string | undefined>({ ttlMs: 1_000, missTtlMs: 10, now: time.now });
    const source: { value: string | undefined } = { value: undefined };
    const load = async () => source.value;
    expect(await cache.get('k', load)).toBeUndefined();
    source.value = 'created';
    time.advance(5);
    expect(await cache.get('k', load)).toBeUndefined();
    time.advance(5);
    expect(await cache.get('k', load)).toBe('created');
  });

  it('does not keep failed loads', async () => {
    const cache = new TtlCache<string>({ ttlMs: 1_000 });
    await expect(cache.get('k', async () => { throw new Error('db down'); })).rejects.toThrow('db down');
    expect(await cache.get('k', async () => 'ok')).toBe('ok');
  });

  it('stays bounded', async () => {
    const cache = new TtlCache<number>({ ttlMs: 1_000, maxEntries: 2 });
    let loads = 0;
    const load = async () => ++loads;
    await cache.get('a', load);
    await cache.get('b', load);
    await cache.get('c', load);
    expect(await cache.get('a', load)).toBe(4);
  });
});

describe('cacheWebhookChannels', () => {
  it('caches channel lookups but never verify-token checks', async () => {
    const channel: WebhookChannel = { channelId: 'c1', tenantId: 't1', appSecret: 's' };
    const calls: string[] = [];
    const source: WebhookChannelDirectory = {
      byPhoneNumberId: async (id) => { calls.push(`phone:${id}`); return channel; },
      byWabaId: async (id) => { calls.push(`waba:${id}`); return [channel]; },
      byChannelId: async (id) => { calls.push(`id:${id}`); return channel; },
      matchesVerifyToken: async (token) => { calls.push(`token:${token}`); return true; },
    };
    const cached = cacheWebhookChannels(source);
    for (let i = 0; i < 3; i += 1) {
      await cached.byPhoneNumberId('111');
      await cached.byWabaId('w');
      await cached.byChannelId('c1');
      await cached.matchesVerifyToken('tok');
    }
    expect(calls).toEqual(['phone:111', 'waba:w', 'id:c1', 'token:tok', 'token:tok', 'token:tok']);
  });
});
