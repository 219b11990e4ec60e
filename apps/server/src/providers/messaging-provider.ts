/**
 * The messaging provider port. Implementing it (see docs/providers.md):
 * - translate only: map a domain request to a vendor call and a vendor answer to a domain result;
 *   never write a row, read config or enqueue a job (house rule 3);
 * - throw `ProviderError` (closed code set) for every failure, never a raw vendor error;
 * - pass `messaging-provider.contract.ts` against the emulator or your fake.
 */
import type { ProviderErrorCode } from './provider-error.js';

export type ProviderKind = 'cloud-api' | 'fake';

export type ProviderCapabilities = {
  templates: boolean;
  interactive: boolean;
  media: boolean;
  reactions: boolean;
  /** Does the 24-hour customer-service window apply to free-form messages? */
  serviceWindow: boolean;
  signedWebhooks: boolean;
};

/** Resolved, decrypted channel settings a provider needs for one call. */
export type ChannelContext = {
  channelId: string;
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  appSecret: string;
  /** e.g. https://graph.facebook.com or the emulator's base URL. */
  graphBaseUrl: string;
  /** e.g. v24.0 */
  graphApiVersion: string;
};

export const OUTBOUND_MESSAGE_TYPES = [
  'text', 'image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts',
  'interactive', 'template', 'reaction',
] as const;
export type OutboundMessageType = (typeof OUTBOUND_MESSAGE_TYPES)[number];

export type OutboundMessage = {
  /** Our message id. Sent as `biz_opaque_callback_data`, which Meta echoes on status webhooks. */
  id: string;
  /** Recipient wa_id: E.164 digits without '+'. */
  to: string;
  type: OutboundMessageType;
  /**
   * The Cloud API object for `type`, e.g. `{ body: 'hi', preview_url: false }` for text. `contacts` is
   * an array on the wire: pass `{ contacts: [...] }` and the provider unwraps it.
   */
  content: Record<string, unknown>;
  /** wamid of the message this one replies to. */
  replyToWamid?: string;
};

export type SendResult = { providerMessageId: string };

export type RawWebhookRequest = {
  rawBody: Buffer;
  headers: Record<string, string | string[] | undefined>;
};

export type WebhookVerdict =
  | { ok: true }
  | { ok: false; reason: 'SIGNATURE_MISSING' | 'SIGNATURE_INVALID' };

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'played' | 'failed' | 'deleted';

export type VendorError = { code: number; title: string; message?: string; details?: string };

/** Every item of a webhook, flattened across entries × changes × messages/statuses/errors. */
export type InboundEvent =
  | {
      kind: 'message';
      phoneNumberId: string;
      wamid: string;
      from: string;
      profileName?: string;
      timestamp: Date;
      /** Cloud API type: text, image, …, interactive, button, reaction, order, system, unsupported. */
      type: string;
      /** The object under the message's `type` key (or `{}` when absent). */
      content: Record<string, unknown>;
      contextWamid?: string;
      errors?: VendorError[];
      raw: Record<string, unknown>;
    }
  | {
      kind: 'status';
      phoneNumberId: string;
      wamid: string;
      recipientId: string;
      status: DeliveryStatus;
      timestamp: Date;
      bizOpaqueCallbackData?: string;
      errors?: VendorError[];
      pricing?: { billable?: boolean; category?: string; pricingModel?: string; type?: string };
      raw: Record<string, unknown>;
    }
  | { kind: 'error'; phoneNumberId?: string; errors: VendorError[]; raw: Record<string, unknown> }
  | { kind: 'other'; field: string; wabaId: string; value: Record<string, unknown> };

export type MediaUpload = { data: Buffer; mimeType: string; filename?: string };
export type MediaDownloadLimits = { maxBytes: number; allowedMimeTypes?: readonly string[] };
export type DownloadedMedia = { data: Buffer; mimeType: string; sha256?: string; fileSize: number };

/**
 * One message template of the channel's WhatsApp Business Account as the vendor reports it. The
 * components are the template definition (HEADER/BODY/FOOTER/BUTTONS with `{{n}}` or `{{name}}`
 * placeholders), passed through for the inbox to preview and fill in.
 */
export type ProviderTemplate = {
  id: string;
  name: string;
  language: string;
  /** APPROVED, PENDING, REJECTED, PAUSED, DISABLED, …: only APPROVED can be sent. */
  status: string;
  category: string;
  parameterFormat: 'positional' | 'named';
  components: ProviderTemplateComponent[];
};
export type ProviderTemplateComponent = {
  type: string;
  format?: string;
  text?: string;
  buttons?: { type: string; text?: string; url?: string; phone_number?: string }[];
};

export type { ProviderErrorCode };

export interface MessagingProvider {
  readonly kind: ProviderKind;
  readonly capabilities: ProviderCapabilities;
  /** Sends one message. Throws `ProviderError`. */
  send(message: OutboundMessage, ctx: ChannelContext): Promise<SendResult>;
  /** Checks the webhook signature over the raw bytes, before anything is stored. */
  verifyWebhook(request: RawWebhookRequest, appSecret: string): WebhookVerdict;
  /** Parses every entry × change × item. Throws `ProviderError(INVALID_REQUEST)` on a malformed body. */
  parseWebhook(body: unknown): InboundEvent[];
  /** Uploads media and returns the vendor's media id. */
  uploadMedia(upload: MediaUpload, ctx: ChannelContext): Promise<{ mediaId: string }>;
  /**
   * Resolves a vendor media id and downloads it within the limits. Media over `maxBytes` or of a type
   * not in `allowedMimeTypes` is refused with `ProviderError(INVALID_REQUEST)`, before downloading
   * when the vendor declares size/type, otherwise as soon as the stream passes the cap.
   */
  downloadMedia(mediaId: string, ctx: ChannelContext, limits: MediaDownloadLimits): Promise<DownloadedMedia>;
  /** Marks an inbound message as read (blue ticks for the customer). */
  markRead(wamid: string, ctx: ChannelContext): Promise<void>;
  /** Every message template of the channel's business account, whatever its review status. */
  listTemplates(ctx: ChannelContext): Promise<ProviderTemplate[]>;
}
