import type { WebhookChannel, WebhookChannelDirectory } from './webhook-channels.js';

type FoundChannel = { channel: { id: string; tenantId: string }; appSecret: string };

/**
 * The channel lookups this module needs from the channels module's service (which satisfies it
 * structurally). The optional ones widen routing when the channels module offers them.
 */
export type ChannelsLookup = {
  findByPhoneNumberId(phoneNumberId: string): Promise<FoundChannel | null>;
  findByVerifyToken(token: string): Promise<{ id: string } | null>;
  /** Routes account-level fields (template status, quality, alerts), which carry only the WABA id. */
  findByWabaId?(wabaId: string): Promise<FoundChannel[]>;
  /** Enables the per-channel callback URL `/webhooks/whatsapp/:channelId`. */
  findById?(channelId: string): Promise<FoundChannel | null>;
};

/** Adapts the channels module to {@link WebhookChannelDirectory}; an empty app secret counts as "none". */
export function webhookChannelsFrom(lookup: ChannelsLookup): WebhookChannelDirectory {
  return {
    byPhoneNumberId: async (id) => toWebhookChannel(await lookup.findByPhoneNumberId(id)),
    byWabaId: async (id) => (lookup.findByWabaId ? (await lookup.findByWabaId(id)).map((found) => toWebhookChannel(found)!) : []),
    byChannelId: async (id) => (lookup.findById ? toWebhookChannel(await lookup.findById(id)) : undefined),
    matchesVerifyToken: async (token, channelId) => {
      const channel = await lookup.findByVerifyToken(token);
      return channel !== null && (channelId === undefined || channel.id === channelId);
    },
  };
}

function toWebhookChannel(found: FoundChannel | null): WebhookChannel | undefined {
  if (found === null) return undefined;
  return { channelId: found.channel.id, tenantId: found.channel.tenantId, appSecret: found.appSecret === '' ? undefined : found.appSecret };
}
