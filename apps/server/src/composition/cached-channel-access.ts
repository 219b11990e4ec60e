import type { Clock } from '../core/clock.js';
import type { ChannelAccess } from '../modules/messages/index.js';
import type { ChannelContext } from '../providers/messaging-provider.js';

/**
 * The send path asks for a channel's decrypted context twice per message; reading the row and
 * opening the sealed credentials each time showed up in bench/. A short TTL bounds how long a
 * rotated token or a deleted channel is still used (the next send after expiry sees the change).
 */
export function cachedChannelAccess(inner: ChannelAccess, opts: { ttlMs: number; clock: Clock; maxEntries?: number }): ChannelAccess {
  const cache = new Map<string, { context: ChannelContext; expiresAt: number }>();
  const maxEntries = opts.maxEntries ?? 1_000;
  return {
    async getChannelContext(tenantId, channelId) {
      const key = `${tenantId}:${channelId}`;
      const now = opts.clock.now().getTime();
      const hit = cache.get(key);
      if (hit && hit.expiresAt > now) return hit.context;
      const context = await inner.getChannelContext(tenantId, channelId);
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
      cache.set(key, { context, expiresAt: now + opts.ttlMs });
      return context;
    },
  };
}
