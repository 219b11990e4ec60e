import type {
  ChannelContext, DownloadedMedia, InboundEvent, MediaDownloadLimits, MediaUpload, MessagingProvider,
  OutboundMessage, ProviderCapabilities, ProviderTemplate, RawWebhookRequest, SendResult, WebhookVerdict,
} from '../messaging-provider.js';
import { ProviderError, ProviderErrorCode } from '../provider-error.js';
import { createCloudApiClient, graphPath, type CloudApiClient, type CloudApiClientOptions } from './cloud-api.client.js';
import { downloadCloudApiMedia, uploadCloudApiMedia } from './cloud-api-media.js';
import { listCloudApiTemplates } from './cloud-api-templates.js';
import { parseCloudApiWebhook } from './parse-cloud-api-webhook.js';
import { toCloudApiMessage } from './to-cloud-api-message.js';
import { verifyCloudApiWebhook } from './verify-cloud-api-webhook.js';

export type CloudApiProviderOptions = CloudApiClientOptions;

export const CLOUD_API_CAPABILITIES: ProviderCapabilities = Object.freeze({
  templates: true,
  interactive: true,
  media: true,
  reactions: true,
  serviceWindow: true,
  signedWebhooks: true,
});

/**
 * Meta's WhatsApp Cloud API (or the emulator: it is just another `graphBaseUrl`). Stateless: every
 * call gets its channel's credentials and base URL in `ctx`, so channels on different hosts or
 * versions coexist. It translates only; callers own rows, retries and config (house rule 3).
 */
export class CloudApiProvider implements MessagingProvider {
  readonly kind = 'cloud-api' as const;
  readonly capabilities = CLOUD_API_CAPABILITIES;
  readonly #options: CloudApiProviderOptions;

  constructor(options: CloudApiProviderOptions = {}) {
    this.#options = options;
  }

  async send(message: OutboundMessage, ctx: ChannelContext): Promise<SendResult> {
    const answer = await this.#client(ctx).request<unknown>({
      method: 'POST',
      path: `${graphPath(ctx.phoneNumberId)}/messages`,
      json: toCloudApiMessage(message),
    });
    const id = readMessageId(answer);
    if (id === undefined) {
      // Meta answered 2xx (accepted) but we cannot read the wamid: the status webhook will carry it.
      throw new ProviderError({
        code: ProviderErrorCode.OUTCOME_UNKNOWN,
        message: 'Cloud API accepted the send but returned no message id',
        vendorDetails: JSON.stringify(answer)?.slice(0, 200) ?? '',
      });
    }
    return { providerMessageId: id };
  }

  verifyWebhook(request: RawWebhookRequest, appSecret: string): WebhookVerdict {
    return verifyCloudApiWebhook(request, appSecret);
  }

  parseWebhook(body: unknown): InboundEvent[] {
    return parseCloudApiWebhook(body);
  }

  uploadMedia(upload: MediaUpload, ctx: ChannelContext): Promise<{ mediaId: string }> {
    return uploadCloudApiMedia(this.#client(ctx), upload, ctx);
  }

  downloadMedia(mediaId: string, ctx: ChannelContext, limits: MediaDownloadLimits): Promise<DownloadedMedia> {
    return downloadCloudApiMedia(this.#client(ctx), { mediaId, ctx, limits });
  }

  async markRead(wamid: string, ctx: ChannelContext): Promise<void> {
    await this.#client(ctx).request<unknown>({
      method: 'POST',
      path: `${graphPath(ctx.phoneNumberId)}/messages`,
      json: { messaging_product: 'whatsapp', status: 'read', message_id: wamid },
      // Marking read twice is harmless, so an ambiguous failure may simply be retried.
      retrySafe: true,
    });
  }

  listTemplates(ctx: ChannelContext): Promise<ProviderTemplate[]> {
    return listCloudApiTemplates(this.#client(ctx), ctx);
  }

  #client(ctx: ChannelContext): CloudApiClient {
    return createCloudApiClient(ctx, this.#options);
  }
}

/** `{"messaging_product":"whatsapp","contacts":[…],"messages":[{"id":"wamid.…"}]}` (REFERENCE.md §1.4). */
function readMessageId(answer: unknown): string | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined;
  const messages = (answer as { messages?: unknown }).messages;
  const first: unknown = Array.isArray(messages) ? messages[0] : undefined;
  const id = typeof first === 'object' && first !== null ? (first as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
}
