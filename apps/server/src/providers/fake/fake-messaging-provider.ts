import { createHash } from 'node:crypto';
import type {
  ChannelContext, DownloadedMedia, InboundEvent, MediaDownloadLimits, MediaUpload, MessagingProvider,
  OutboundMessage, ProviderCapabilities, ProviderTemplate, RawWebhookRequest, SendResult, WebhookVerdict,
} from '../messaging-provider.js';
import { ProviderError, ProviderErrorCode } from '../provider-error.js';
import { isMimeAllowed } from '../cloud-api/cloud-api-media.js';
import { parseCloudApiWebhook } from '../cloud-api/parse-cloud-api-webhook.js';
import { verifyCloudApiWebhook } from '../cloud-api/verify-cloud-api-webhook.js';
import { buildFakeWebhookBody, signFakeWebhook, type FakeStatusUpdate, type FakeWebhookItems } from './fake-webhooks.js';

export type FakeCallName = 'send' | 'uploadMedia' | 'downloadMedia' | 'markRead' | 'listTemplates';

/** Every WABA starts with Meta's sample template, as real accounts (and the emulator) do. */
export const FAKE_HELLO_WORLD: ProviderTemplate = {
  id: 'fake-template-hello-world', name: 'hello_world', language: 'en_US', status: 'APPROVED', category: 'UTILITY', parameterFormat: 'positional',
  components: [{ type: 'BODY', text: 'Hello World' }],
};

/** One scripted answer: an error to throw, or (for `send`) the wamid to return. */
export type FakeOutcome = { error: ProviderError } | { providerMessageId?: string } | 'ok';

export type FakeCall = { name: FakeCallName; args: unknown[]; outcome: 'ok' | ProviderError };
export type FakeSentMessage = { message: OutboundMessage; channelId: string; providerMessageId: string };

export type FakeMessagingProviderOptions = {
  /** Recipients rejected with RECIPIENT_INVALID (vendor code 131026), like numbers not on WhatsApp. */
  invalidRecipients?: Iterable<string>;
  capabilities?: Partial<ProviderCapabilities>;
};

/**
 * In-memory `MessagingProvider` for module unit tests. Script failures per call with
 * {@link FakeMessagingProvider.enqueue}; inspect {@link sent}, {@link markedRead} and {@link calls};
 * produce signed Cloud API webhooks with {@link webhook}/{@link statusWebhook}, parsed by the same
 * parser as the real provider. Passes `messaging-provider.contract.ts`.
 */
export class FakeMessagingProvider implements MessagingProvider {
  readonly kind = 'fake' as const;
  readonly capabilities: ProviderCapabilities;
  readonly sent: FakeSentMessage[] = [];
  readonly markedRead: Array<{ wamid: string; channelId: string }> = [];
  readonly calls: FakeCall[] = [];
  /** What `listTemplates` answers, for every channel; tests push or replace entries. */
  readonly templates: ProviderTemplate[] = [FAKE_HELLO_WORLD];
  readonly invalidRecipients: Set<string>;
  readonly #queues = new Map<FakeCallName, FakeOutcome[]>();
  readonly #media = new Map<string, { data: Buffer; mimeType: string }>();
  #sequence = 0;

  constructor(options: FakeMessagingProviderOptions = {}) {
    this.invalidRecipients = new Set(options.invalidRecipients ?? []);
    this.capabilities = {
      templates: true, interactive: true, media: true, reactions: true, serviceWindow: true, signedWebhooks: true,
      ...options.capabilities,
    };
  }

  /** Queues outcomes for the next calls of `name`, consumed one per call; then calls succeed. */
  enqueue(name: FakeCallName, ...outcomes: FakeOutcome[]): this {
    this.#queues.set(name, [...(this.#queues.get(name) ?? []), ...outcomes]);
    return this;
  }

  /** Shorthand: the next call of `name` throws a ProviderError with `code`. */
  failNext(name: FakeCallName, code: ProviderErrorCode, extra: { retryAfterMs?: number; vendorCode?: number } = {}): this {
    return this.enqueue(name, { error: new ProviderError({ code, message: `fake ${name} failure: ${code}`, ...extra }) });
  }

  async send(message: OutboundMessage, ctx: ChannelContext): Promise<SendResult> {
    const scripted = this.#take('send', [message, ctx]);
    if (this.invalidRecipients.has(message.to)) {
      throw this.#record('send', [message, ctx], new ProviderError({
        code: ProviderErrorCode.RECIPIENT_INVALID, message: `fake: ${message.to} cannot receive messages`,
        vendorCode: 131026, vendorTitle: 'Message undeliverable',
      }));
    }
    const providerMessageId = (typeof scripted === 'object' && 'providerMessageId' in scripted ? scripted.providerMessageId : undefined)
      ?? `wamid.fake-${this.#next()}`;
    this.sent.push({ message, channelId: ctx.channelId, providerMessageId });
    this.#record('send', [message, ctx], 'ok');
    return { providerMessageId };
  }

  verifyWebhook(request: RawWebhookRequest, appSecret: string): WebhookVerdict {
    return verifyCloudApiWebhook(request, appSecret);
  }

  parseWebhook(body: unknown): InboundEvent[] {
    return parseCloudApiWebhook(body);
  }

  async uploadMedia(upload: MediaUpload, ctx: ChannelContext): Promise<{ mediaId: string }> {
    this.#take('uploadMedia', [upload, ctx]);
    const mediaId = `fake-media-${this.#next()}`;
    this.#media.set(mediaId, { data: Buffer.from(upload.data), mimeType: upload.mimeType });
    this.#record('uploadMedia', [upload, ctx], 'ok');
    return { mediaId };
  }

  async downloadMedia(mediaId: string, ctx: ChannelContext, limits: MediaDownloadLimits): Promise<DownloadedMedia> {
    this.#take('downloadMedia', [mediaId, ctx, limits]);
    const media = this.#media.get(mediaId);
    const refuse = (message: string) =>
      this.#record('downloadMedia', [mediaId, ctx, limits], new ProviderError({ code: ProviderErrorCode.INVALID_REQUEST, message }));
    if (media === undefined) throw refuse(`fake: unknown media ${mediaId}`);
    if (media.data.length > limits.maxBytes) throw refuse(`Media refused: ${media.data.length} B exceeds ${limits.maxBytes} B`);
    if (limits.allowedMimeTypes !== undefined && !isMimeAllowed(media.mimeType, limits.allowedMimeTypes)) {
      throw refuse(`Media type ${media.mimeType} is not allowed`);
    }
    this.#record('downloadMedia', [mediaId, ctx, limits], 'ok');
    const sha256 = createHash('sha256').update(media.data).digest('hex');
    return { data: Buffer.from(media.data), mimeType: media.mimeType, sha256, fileSize: media.data.length };
  }

  async markRead(wamid: string, ctx: ChannelContext): Promise<void> {
    this.#take('markRead', [wamid, ctx]);
    this.markedRead.push({ wamid, channelId: ctx.channelId });
    this.#record('markRead', [wamid, ctx], 'ok');
  }

  async listTemplates(ctx: ChannelContext): Promise<ProviderTemplate[]> {
    this.#take('listTemplates', [ctx]);
    this.#record('listTemplates', [ctx], 'ok');
    return this.templates.map((t) => structuredClone(t));
  }

  /** Stores media as if a customer had sent it, for download tests. */
  putMedia(data: Buffer, mimeType: string): string {
    const mediaId = `fake-media-${this.#next()}`;
    this.#media.set(mediaId, { data: Buffer.from(data), mimeType });
    return mediaId;
  }

  /** A signed Cloud API webhook for `ctx` carrying these customer messages and statuses. */
  webhook(ctx: ChannelContext, items: FakeWebhookItems): RawWebhookRequest {
    return signFakeWebhook(buildFakeWebhookBody(ctx, items), ctx.appSecret);
  }

  /** A signed status webhook for a message this fake sent, echoing its id as Meta does. */
  statusWebhook(ctx: ChannelContext, sent: FakeSentMessage, status: FakeStatusUpdate['status'], errorCode?: number): RawWebhookRequest {
    const update: FakeStatusUpdate = {
      wamid: sent.providerMessageId, status, recipientId: sent.message.to, bizOpaqueCallbackData: sent.message.id,
    };
    if (errorCode !== undefined) update.errorCode = errorCode;
    return this.webhook(ctx, { statuses: [update] });
  }

  /** Forgets everything recorded and scripted. */
  reset(): void {
    this.sent.length = 0;
    this.markedRead.length = 0;
    this.calls.length = 0;
    this.templates.splice(0, this.templates.length, FAKE_HELLO_WORLD);
    this.#queues.clear();
    this.#media.clear();
  }

  /** Consumes the next scripted outcome; a scripted error is recorded and thrown. */
  #take(name: FakeCallName, args: unknown[]): FakeOutcome | undefined {
    const outcome = this.#queues.get(name)?.shift();
    if (outcome !== undefined && typeof outcome === 'object' && 'error' in outcome) throw this.#record(name, args, outcome.error);
    return outcome;
  }

  #record<T extends 'ok' | ProviderError>(name: FakeCallName, args: unknown[], outcome: T): T {
    this.calls.push({ name, args, outcome });
    return outcome;
  }

  #next(): number {
    this.#sequence += 1;
    return this.#sequence;
  }
}
