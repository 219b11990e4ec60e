import { Type, type Static } from 'typebox';
import { MEDIA_MAX_BYTES, MEDIA_MIME_TYPES } from '@valeo/cloud-api';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * A medium as `POST /api/v1/media` and `GET /api/v1/media/{id}` show it. Never the storage key:
 * where bytes live is not the client's business.
 */
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

export type UploadMediaType = keyof typeof MEDIA_MIME_TYPES;

/**
 * What `POST /api/v1/media` accepts per WhatsApp media type: Meta's MIME allowlist and size limit
 * (the deployment's MEDIA_MAX_BYTES may lower the cap further). Clients check a file against it
 * before uploading; the server checks again. `image/webp` only exists as a sticker.
 */
export const MEDIA_UPLOAD_RULES: Readonly<Record<UploadMediaType, { mimeTypes: readonly string[]; maxBytes: number }>> = {
  image: { mimeTypes: MEDIA_MIME_TYPES.image, maxBytes: MEDIA_MAX_BYTES.image },
  video: { mimeTypes: MEDIA_MIME_TYPES.video, maxBytes: MEDIA_MAX_BYTES.video },
  audio: { mimeTypes: MEDIA_MIME_TYPES.audio, maxBytes: MEDIA_MAX_BYTES.audio },
  document: { mimeTypes: MEDIA_MIME_TYPES.document, maxBytes: MEDIA_MAX_BYTES.document },
  sticker: { mimeTypes: MEDIA_MIME_TYPES.sticker, maxBytes: MEDIA_MAX_BYTES.sticker },
};
