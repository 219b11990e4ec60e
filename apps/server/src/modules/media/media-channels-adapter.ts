import { isAppError } from '../../core/errors/app-error.js';
import type { ChannelContext, MessagingProvider } from '../../providers/messaging-provider.js';
import type { MediaChannels } from './media-channels.js';

/** What media needs from the channels module's service (which satisfies it structurally). */
export type MediaChannelsLookup = {
  /** Throws a 404 AppError for a channel the tenant does not have. */
  getChannel(tenantId: string, channelId: string): Promise<{ provider: string }>;
  getChannelContext(tenantId: string, channelId: string): Promise<ChannelContext>;
};

/** The provider registry (kind → provider). */
export type MediaProviders = { get(kind: string): MessagingProvider };

export function mediaChannelsFrom(lookup: MediaChannelsLookup, providers: MediaProviders): MediaChannels {
  return {
    async resolve(tenantId, channelId) {
      try {
        const channel = await lookup.getChannel(tenantId, channelId);
        const context = await lookup.getChannelContext(tenantId, channelId);
        return { provider: providers.get(channel.provider), context };
      } catch (error) {
        if (isAppError(error) && error.httpStatus === 404) return undefined;
        throw error;
      }
    },
  };
}
