import { systemClock, type Clock } from '../../core/clock.js';
import type { EventBus } from '../../core/events/event-bus.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import type { Db } from '../../db/database.js';
import type { JobQueue } from '../../queue/job-queue.js';
import { createFetchMediaHandler, fetchMediaJob } from './fetch-media.job.js';
import { mediaChannelsFrom, type MediaChannelsLookup, type MediaProviders } from './media-channels-adapter.js';
import type { MediaStorage } from './media-storage.js';
import { mediaRoutes } from './media.routes.js';
import { MediaService } from './media.service.js';

export { fetchMediaJob } from './fetch-media.job.js';
export { MediaService } from './media.service.js';
export type { RegisterInboundMediaInput, UploadMediaInput } from './media.service.js';
export { MediaErrorCode } from './media.errors.js';
export { FilesystemMediaStorage } from './filesystem-media-storage.js';
export { InMemoryMediaStorage } from './in-memory-media-storage.js';
export { mediaStorageKey, type MediaStorage } from './media-storage.js';
export { MEDIA_RULES, mediaTypeForMime, type WhatsAppMediaType } from './media-rules.js';
export { MediaView } from './media.schemas.js';
export type { MediaRecord, MediaStatus } from './media.repository.js';
export type { MessageMediaInfo, MessageMediaRef } from './message-media.js';
export type { MediaChannelsLookup, MediaProviders } from './media-channels-adapter.js';

export type MediaModuleDeps = {
  db: Db;
  queue: JobQueue;
  /** `FilesystemMediaStorage(MEDIA_STORAGE_PATH)` in production, `InMemoryMediaStorage` in tests. */
  storage: MediaStorage;
  /** The channels module's service. */
  channels: MediaChannelsLookup;
  /** The provider registry. */
  providers: MediaProviders;
  /** MEDIA_MAX_BYTES. */
  maxBytes: number;
  clock?: Clock;
  logger?: Logger;
  /** Receives `media.stored`. */
  events?: EventBus;
};

export type MediaModule = ReturnType<typeof createMediaModule>;

/**
 * Media: `service.registerInbound` is what inbound processing calls; `routes` goes into `apiPlugins`
 * (/api/v1/media…); register the `media.fetch` worker with `registerWorkers(queue)`.
 */
export function createMediaModule(deps: MediaModuleDeps) {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? silentLogger;
  const channels = mediaChannelsFrom(deps.channels, deps.providers);
  const common = { db: deps.db, storage: deps.storage, channels, maxBytes: deps.maxBytes, clock, logger };
  const service = new MediaService({ ...common, queue: deps.queue });
  const fetchMedia = createFetchMediaHandler({ ...common, ...(deps.events ? { events: deps.events } : {}) });
  return {
    service,
    routes: mediaRoutes({ service, maxBytes: deps.maxBytes }),
    jobs: { fetchMedia: { definition: fetchMediaJob, handler: fetchMedia } },
    registerWorkers(queue: JobQueue): void {
      queue.work(fetchMediaJob, fetchMedia);
    },
  };
}
