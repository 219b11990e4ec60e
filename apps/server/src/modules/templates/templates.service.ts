import type { ChannelContext, MessagingProvider, ProviderTemplate } from '../../providers/messaging-provider.js';
import { isProviderError } from '../../providers/provider-error.js';
import { templatesUnavailable } from './templates.errors.js';

/** What listing needs from the channels module's service (which satisfies it structurally). */
export type TemplateChannels = {
  /** Throws CHANNEL_NOT_FOUND (404) for a channel the tenant does not have. */
  getChannel(tenantId: string, channelId: string): Promise<{ provider: string }>;
  getChannelContext(tenantId: string, channelId: string): Promise<ChannelContext>;
};

/** The provider registry (kind → provider). */
export type TemplateProviders = { get(kind: string): MessagingProvider };

/**
 * Templates read live from the channel's provider. No local copy yet: the templates issue adds
 * sync, storage and the approval workflow; the inbox only needs what is sendable right now.
 */
export class TemplatesService {
  constructor(private readonly deps: { channels: TemplateChannels; providers: TemplateProviders }) {}

  async listForChannel(tenantId: string, channelId: string, filter: { status?: string | undefined } = {}): Promise<ProviderTemplate[]> {
    const channel = await this.deps.channels.getChannel(tenantId, channelId);
    const context = await this.deps.channels.getChannelContext(tenantId, channelId);
    let templates: ProviderTemplate[];
    try {
      templates = await this.deps.providers.get(channel.provider).listTemplates(context);
    } catch (error) {
      throw isProviderError(error) ? templatesUnavailable(error) : error;
    }
    const status = filter.status?.toUpperCase();
    const selected = status === undefined ? templates : templates.filter((t) => t.status === status);
    return selected.sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language));
  }
}
