import { Type, type Static } from 'typebox';

/**
 * Media endpoints (REFERENCE.md §2). Upload: `POST /{phone-number-id}/media` (multipart:
 * `messaging_product=whatsapp`, `file`, `type`). Retrieve URL: `GET /{media-id}[?phone_number_id=]`;
 * the URL is valid 5 minutes and needs the bearer token. Delete: `DELETE /{media-id}` → `{success}`.
 */
export const MediaUploadResponse = Type.Object({ id: Type.String({ minLength: 1 }) });
export type MediaUploadResponse = Static<typeof MediaUploadResponse>;

export const MediaUrlResponse = Type.Object({
  messaging_product: Type.Literal('whatsapp'),
  url: Type.String({ minLength: 1 }),
  mime_type: Type.String(),
  sha256: Type.String(),
  /** Meta documents a number; some samples carry a string. */
  file_size: Type.Union([Type.Integer({ minimum: 0 }), Type.String({ pattern: '^[0-9]+$' })]),
  id: Type.String(),
});
export type MediaUrlResponse = Static<typeof MediaUrlResponse>;

export const MediaDeleteResponse = Type.Object({ success: Type.Boolean() });
export type MediaDeleteResponse = Static<typeof MediaDeleteResponse>;

/** Size limits in bytes per outbound media type (REFERENCE.md §2). */
export const MEDIA_MAX_BYTES = {
  audio: 16 * 1024 * 1024,
  document: 100 * 1024 * 1024,
  image: 5 * 1024 * 1024,
  /** Animated; static stickers are limited to 100 KB. */
  sticker: 500 * 1024,
  video: 16 * 1024 * 1024,
} as const;

/** Accepted MIME types per media type (REFERENCE.md §2). Audio `audio/ogg` must be OPUS mono. */
export const MEDIA_MIME_TYPES = {
  audio: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
  document: [
    'text/plain',
    'application/pdf',
    'application/vnd.ms-excel',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/msword',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.ms-powerpoint',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ],
  image: ['image/jpeg', 'image/png'],
  sticker: ['image/webp'],
  video: ['video/mp4', 'video/3gpp'],
} as const;
