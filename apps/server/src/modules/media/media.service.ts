import { createHash } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import type { Logger } from '../../core/logger.js';
import type { Db, DbExecutor } from '../../db/database.js';
import { isProviderError } from '../../providers/provider-error.js';
import type { JobQueue } from '../../queue/job-queue.js';
import { fetchMediaJob } from './fetch-media.job.js';
import type { MediaChannels } from './media-channels.js';
import {
  mediaChannelNotFound, mediaContentMismatch, mediaNotFound, mediaNotStored, mediaTooLarge, mediaTypeNotAllowed,
  mediaUploadFailed,
} from './media.errors.js';
import { baseMimeType, contentMatchesMime, maxBytesFor, mediaTypeForMime } from './media-rules.js';
import { mediaStorageKey, type MediaStorage } from './media-storage.js';
import { findInboundByProviderId, findMediaForTenant, insertMedia, type MediaRecord } from './media.repository.js';
import { findMessageMedia, type MessageMediaInfo, type MessageMediaRef } from './message-media.js';

export type MediaServiceDeps = {
  db: Db;
  queue: JobQueue;
  storage: MediaStorage;
  channels: MediaChannels;
  /** MEDIA_MAX_BYTES: no medium above it is downloaded or accepted, whatever Meta allows. */
  maxBytes: number;
  clock: Clock;
  logger: Logger;
};

export type RegisterInboundMediaInput = {
  tenantId: string;
  channelId: string;
  messageId: string;
  /** Carried to the `media.stored` event, so the inbox knows which chat to refresh. */
  conversationId?: string;
  messageType: string;
  providerMediaId: string;
  mimeType?: string;
  sha256?: string;
  filename?: string;
  animated?: boolean;
};

export type UploadMediaInput = { tenantId: string; channelId: string; data: Buffer; mimeType: string; filename?: string };

/**
 * Media use-cases: inbound registration (the `media.fetch` job does the download), uploads for
 * sending by id, and tenant-scoped reads.
 */
export class MediaService {
  readonly #deps: MediaServiceDeps;
  readonly #log: Logger;

  constructor(deps: MediaServiceDeps) {
    this.#deps = deps;
    this.#log = deps.logger.child({ module: 'media' });
  }

  /** Creates the pending row of an inbound medium and schedules `media.fetch`, inside `trx`. */
  async registerInbound(input: RegisterInboundMediaInput, trx: DbExecutor): Promise<{ mediaId: string }> {
    const existing = await findInboundByProviderId(trx, input.channelId, input.providerMediaId);
    if (existing !== undefined) return { mediaId: existing.id };
    const media = await insertMedia(trx, {
      id: newId(),
      tenantId: input.tenantId,
      channelId: input.channelId,
      messageId: input.messageId,
      direction: 'inbound',
      providerMediaId: input.providerMediaId,
      mimeType: input.mimeType ?? null,
      fileSize: null,
      sha256: input.sha256 ?? null,
      filename: input.filename ?? null,
      storageKey: null,
      status: 'pending',
      error: null,
    }, this.#deps.clock.now());
    const payload = {
      tenantId: input.tenantId, mediaId: media.id, messageType: input.messageType,
      ...(input.conversationId === undefined ? {} : { conversationId: input.conversationId }),
    };
    await this.#deps.queue.enqueue(fetchMediaJob, input.animated === false ? { ...payload, staticSticker: true } : payload, {
      trx, dedupeKey: `media.fetch:${input.channelId}:${input.providerMediaId}`,
    });
    return { mediaId: media.id };
  }

  /** Validates (type, size, content), uploads to the provider (→ the media id to send with) and keeps a local copy. */
  async upload(input: UploadMediaInput): Promise<MediaRecord> {
    const mimeType = baseMimeType(input.mimeType);
    const type = mediaTypeForMime(mimeType);
    if (type === undefined) throw mediaTypeNotAllowed(mimeType);
    const maxBytes = maxBytesFor(type, this.#deps.maxBytes);
    if (input.data.length > maxBytes) throw mediaTooLarge(maxBytes, type);
    if (input.data.length === 0 || !contentMatchesMime(input.data, mimeType)) throw mediaContentMismatch(mimeType);
    const channel = await this.#deps.channels.resolve(input.tenantId, input.channelId);
    if (channel === undefined) throw mediaChannelNotFound();
    const upload = { data: input.data, mimeType, ...(input.filename === undefined ? {} : { filename: input.filename }) };
    const providerMediaId = await channel.provider.uploadMedia(upload, channel.context).then(
      (result) => result.mediaId,
      (error: unknown) => { throw isProviderError(error) ? mediaUploadFailed(error) : error; },
    );
    const id = newId();
    const storageKey = mediaStorageKey(input.tenantId, id);
    await this.#deps.storage.put(storageKey, input.data);
    this.#log.info({ mediaId: id, channelId: input.channelId, type, bytes: input.data.length }, 'media uploaded');
    return insertMedia(this.#deps.db, {
      id,
      tenantId: input.tenantId,
      channelId: input.channelId,
      messageId: null,
      direction: 'outbound',
      providerMediaId,
      mimeType,
      fileSize: input.data.length,
      sha256: createHash('sha256').update(input.data).digest('hex'),
      filename: input.filename ?? null,
      storageKey,
      status: 'uploaded',
      error: null,
    }, this.#deps.clock.now());
  }

  /** The media of a page of messages (for message views), keyed by message id. */
  forMessages(tenantId: string, refs: MessageMediaRef[]): Promise<Map<string, MessageMediaInfo>> {
    return findMessageMedia(this.#deps.db, tenantId, refs);
  }

  /** Another tenant's id is "not found" (API1 BOLA). */
  async get(tenantId: string, mediaId: string): Promise<MediaRecord> {
    const media = await findMediaForTenant(this.#deps.db, tenantId, mediaId);
    if (media === undefined) throw mediaNotFound();
    return media;
  }

  async readContent(tenantId: string, mediaId: string): Promise<{ media: MediaRecord; data: Buffer }> {
    const media = await this.get(tenantId, mediaId);
    if (media.storageKey === null || (media.status !== 'stored' && media.status !== 'uploaded')) throw mediaNotStored(media.status);
    const data = await this.#deps.storage.get(media.storageKey);
    if (data === null) {
      this.#log.error({ mediaId }, 'media row says stored but the storage has no bytes');
      throw mediaNotStored('missing');
    }
    return { media, data };
  }
}
