import { Type, type Static } from 'typebox';
import type { MediaView } from '@valeo/contracts';
import { mediaTypeForMime } from './media-rules.js';
import type { MediaRecord } from './media.repository.js';

/** A medium as the API shows it: the public contract's shape. */
export { MediaView } from '@valeo/contracts';

export const MediaIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export type MediaIdParams = Static<typeof MediaIdParams>;

export function toMediaView(media: MediaRecord): MediaView {
  return {
    id: media.id,
    channelId: media.channelId,
    messageId: media.messageId,
    direction: media.direction,
    type: media.mimeType === null ? null : mediaTypeForMime(media.mimeType) ?? null,
    status: media.status,
    providerMediaId: media.providerMediaId,
    mimeType: media.mimeType,
    fileSize: media.fileSize,
    sha256: media.sha256,
    filename: media.filename,
    error: media.error,
    createdAt: media.createdAt.toISOString(),
    updatedAt: media.updatedAt.toISOString(),
  };
}
