import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../core/clock.js';
import { cachedChannelAccess } from '../cached-channel-access.js';

const context = (token: string) => ({
  channelId: 'c1', phoneNumberId: '1', wabaId: '2', accessToken: token, appSecret: 's', graphBaseUrl: 'http://x', graphApiVersion: 'v24.0',
});

describe('cachedChannelAccess', () => {
  it('serves repeated lookups from the cache until the TTL passes', async () => {
    const clock = new ManualClock();
    const inner = { getChannelContext: vi.fn().mockResolvedValueOnce(context('old')).mockResolvedValueOnce(context('new')) };
    const access = cachedChannelAccess(inner, { ttlMs: 10_000, clock });
    expect((await access.getChannelContext('t', 'c1')).accessToken).toBe('old');
    expect((await access.getChannelContext('t', 'c1')).accessToken).toBe('old');
    expect(inner.getChannelContext).toHaveBeenCalledTimes(1);
    clock.advance(10_001);
    expect((await access.getChannelContext('t', 'c1')).accessToken).toBe('new');
  });

  it('never caches a failure (another tenant keeps getting 404)', async () => {
    const inner = { getChannelContext: vi.fn().mockRejectedValue(Object.assign(new Error('nope'), { code: 'CHANNEL_NOT_FOUND' })) };
    const access = cachedChannelAccess(inner, { ttlMs: 10_000, clock: new ManualClock() });
    await expect(access.getChannelContext('other', 'c1')).rejects.toMatchObject({ code: 'CHANNEL_NOT_FOUND' });
    await expect(access.getChannelContext('other', 'c1')).rejects.toMatchObject({ code: 'CHANNEL_NOT_FOUND' });
    expect(inner.getChannelContext).toHaveBeenCalledTimes(2);
  });
});
