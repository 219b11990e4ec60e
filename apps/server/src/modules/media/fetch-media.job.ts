import { createHash } from 'node:crypto';
import { Type } from 'typebox';
import type { Clock } from '../../core/clock.js';
import type { EventBus } from '../../core/events/event-bus.js';
import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/database.js';
import type { DownloadedMedia } from '../../providers/messaging-provider.js';
import { isProviderError, ProviderErrorCode } from '../../providers/provider-error.js';
import { RetryJobError } from '../../queue/job-errors.js';
import { defineJob, jobSettings, type JobContext, type JobHandler } from '../../queue/job-queue.js';
import {
  isMimeAllowedFor, isWhatsAppMediaType, maxBytesFor, MEDIA_RULES, mediaTypeForMime, type WhatsAppMediaType,
} from './media-rules.js';
import { mediaStorageKey, type MediaStorage } from './media-storage.js';
import type { MediaChannels } from './media-channels.js';
import { findMediaForTenant, updateMedia, type MediaRecord } from './media.repository.js';

/** Downloads one inbound medium from the provider into our storage. */
export const fetchMediaJob = defineJob({
  name: 'media.fetch',
  schema: Type.Object({
    tenantId: Type.String({ minLength: 1 }),
    mediaId: Type.String({ minLength: 1 }),
    /** The WhatsApp message type: picks the MIME allowlist and size limit. */
    messageType: Type.String({ minLength: 1 }),
    /** Absent in jobs queued before it existed: then no `media.stored` event is published. */
    conversationId: Type.Optional(Type.String({ minLength: 1 })),
    staticSticker: Type.Optional(Type.Boolean()),
  }, { additionalProperties: false }),
  maxAttempts: 6,
  backoff: { baseMs: 2_000, maxMs: 5 * 60_000 },
});

export type FetchMediaPayload = { tenantId: string; mediaId: string; messageType: string; conversationId?: string; staticSticker?: boolean };

export type FetchMediaDeps = {
  db: Db;
  storage: MediaStorage;
  channels: MediaChannels;
  maxBytes: number;
  clock: Clock;
  logger: Logger;
  events?: EventBus;
};

/** Provider failures worth another attempt; every other code is final. */
const TRANSIENT: readonly string[] = [ProviderErrorCode.TEMPORARY, ProviderErrorCode.RATE_LIMITED, ProviderErrorCode.OUTCOME_UNKNOWN];

/** The `media.fetch` handler, to register with `queue.work(fetchMediaJob, …)`. */
export function createFetchMediaHandler(deps: FetchMediaDeps): JobHandler<FetchMediaPayload> {
  const fetcher = new MediaFetcher(deps);
  return (payload, ctx) => fetcher.fetch(payload, ctx);
}

/**
 * Ends in `stored`, `rejected` (refused by our rules: type, size; never retried) or `failed` (the
 * provider could not deliver it after the retries). Idempotent: a row that is no longer pending is
 * left alone, and storage writes overwrite the same key. A transient Meta error is retried instead
 * of losing the attachment (Chatwoot #15754).
 */
export class MediaFetcher {
  readonly #deps: FetchMediaDeps;
  readonly #log: Logger;
  readonly #maxAttempts = jobSettings(fetchMediaJob).maxAttempts;

  constructor(deps: FetchMediaDeps) {
    this.#deps = deps;
    this.#log = deps.logger.child({ job: fetchMediaJob.name });
  }

  async fetch(payload: FetchMediaPayload, ctx: JobContext): Promise<void> {
    const media = await findMediaForTenant(this.#deps.db, payload.tenantId, payload.mediaId);
    if (media === undefined || media.status !== 'pending' || media.providerMediaId === null) return;
    const type = resolveType(payload.messageType, media.mimeType);
    if (type === undefined) return this.#finish(media, 'rejected', `unsupported media type ${media.mimeType ?? payload.messageType}`);
    // Refuse before a single byte is fetched when the webhook already declared a type we do not take.
    if (media.mimeType !== null && !isMimeAllowedFor(type, media.mimeType)) {
      return this.#finish(media, 'rejected', `MIME type ${media.mimeType} is not allowed for ${type}`);
    }
    const channel = await this.#deps.channels.resolve(media.tenantId, media.channelId);
    if (channel === undefined) return this.#finish(media, 'failed', 'channel no longer exists');
    const maxBytes = maxBytesFor(type, this.#deps.maxBytes, { staticSticker: payload.staticSticker === true });
    let downloaded: DownloadedMedia;
    try {
      downloaded = await channel.provider.downloadMedia(media.providerMediaId, channel.context, {
        maxBytes, allowedMimeTypes: MEDIA_RULES[type].mimeTypes,
      });
    } catch (error) {
      return this.#handleDownloadError(error, media, ctx.attempt);
    }
    // The provider enforces the limits too; checked again because its answer is untrusted input.
    if (downloaded.data.length > maxBytes) return this.#finish(media, 'rejected', `media exceeds ${maxBytes} bytes for ${type}`);
    if (!isMimeAllowedFor(type, downloaded.mimeType)) {
      return this.#finish(media, 'rejected', `MIME type ${downloaded.mimeType} is not allowed for ${type}`);
    }
    await this.#store(media, downloaded, payload.conversationId);
  }

  async #handleDownloadError(error: unknown, media: MediaRecord, attempt: number): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    if (isProviderError(error) && error.code === ProviderErrorCode.INVALID_REQUEST) return this.#finish(media, 'rejected', message);
    const transient = !isProviderError(error) || TRANSIENT.includes(error.code);
    if (!transient || attempt >= this.#maxAttempts) return this.#finish(media, 'failed', message);
    if (isProviderError(error) && error.retryAfterMs !== undefined) {
      throw new RetryJobError(message, { retryAfterMs: error.retryAfterMs, cause: error });
    }
    throw error;
  }

  async #finish(media: MediaRecord, status: 'rejected' | 'failed', reason: string): Promise<void> {
    this.#log.warn({ mediaId: media.id, status, reason }, 'inbound media not stored');
    await updateMedia(this.#deps.db, media.id, { status, error: reason.slice(0, 1_000) }, this.#deps.clock.now());
  }

  async #store(media: MediaRecord, downloaded: DownloadedMedia, conversationId: string | undefined): Promise<void> {
    const storageKey = mediaStorageKey(media.tenantId, media.id);
    await this.#deps.storage.put(storageKey, downloaded.data);
    await updateMedia(this.#deps.db, media.id, {
      status: 'stored',
      error: null,
      storageKey,
      mimeType: downloaded.mimeType,
      fileSize: downloaded.data.length,
      sha256: createHash('sha256').update(downloaded.data).digest('hex'),
    }, this.#deps.clock.now());
    this.#log.info({ mediaId: media.id, bytes: downloaded.data.length }, 'inbound media stored');
    if (media.messageId !== null && conversationId !== undefined) {
      this.#deps.events?.publish('media.stored', { tenantId: media.tenantId, conversationId, messageId: media.messageId, mediaId: media.id });
    }
  }
}

function resolveType(messageType: string, mimeType: string | null): WhatsAppMediaType | undefined {
  if (isWhatsAppMediaType(messageType)) return messageType;
  return mimeType === null ? undefined : mediaTypeForMime(mimeType);
}
