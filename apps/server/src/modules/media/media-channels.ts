import type { ChannelContext, MessagingProvider } from '../../providers/messaging-provider.js';

/** A channel's provider and decrypted context. */
export type ResolvedMediaChannel = { provider: MessagingProvider; context: ChannelContext };

/** The channel lookups media needs; `index.ts` adapts the channels module and the provider registry. */
export interface MediaChannels {
  /** Undefined when the tenant has no such channel (another tenant's channel included). */
  resolve(tenantId: string, channelId: string): Promise<ResolvedMediaChannel | undefined>;
}
