import { Type, type Static } from 'typebox';
import { mediaTypeForMime } from './media-rules.js';
import type { MediaRecord } from './media.repository.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** A medium as the API shows it. Never the storage key: where bytes live is not the client's business. */
export const MediaView = Type.Object({
  id: Type.String(),
  channelId: Type.String(),
  messageId: Nullable(Type.String()),
  direction: Type.Union([Type.Literal('inbound'), Type.Literal('outbound')]),
  /** The WhatsApp media type the MIME type belongs to. */
  type: Nullable(Type.String()),
  status: Type.Union([
    Type.Literal('pending'), Type.Literal('stored'), Type.Literal('failed'), Type.Literal('rejected'), Type.Literal('uploaded'),
  ]),
  /** Send it as `image: { id: providerMediaId }` (Meta keeps uploads for 30 days). */
  providerMediaId: Nullable(Type.String()),
  mimeType: Nullable(Type.String()),
  fileSize: Nullable(Type.Integer()),
  sha256: Nullable(Type.String({ description: 'hex SHA-256 of the stored bytes' })),
  filename: Nullable(Type.String()),
  /** Why the medium was rejected or failed. */
  error: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type MediaView = Static<typeof MediaView>;

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
