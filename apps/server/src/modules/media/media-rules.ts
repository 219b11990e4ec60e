/**
 * What WhatsApp accepts per media type: MIME allowlist and size limit (REFERENCE.md §2, "Supported
 * types and limits"; whatsapp-api-js validates uploads with the same table). Used for uploads we send
 * to Meta and, as an allowlist, for inbound media we download: anything else is refused before a byte
 * is fetched (RELIABILITY.md §4.4, API4 "unrestricted resource consumption").
 * @see https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#supported-media-types
 */
import { MEDIA_MAX_BYTES, MEDIA_MIME_TYPES } from '@valeo/cloud-api';

const KB = 1024;

export const WHATSAPP_MEDIA_TYPES = ['image', 'audio', 'video', 'document', 'sticker'] as const;
export type WhatsAppMediaType = (typeof WHATSAPP_MEDIA_TYPES)[number];

export type MediaRule = { mimeTypes: readonly string[]; maxBytes: number };

/** One source of truth: Meta's table lives in `@valeo/cloud-api`, shared with the emulator. */
export const MEDIA_RULES: Readonly<Record<WhatsAppMediaType, MediaRule>> = {
  image: rule('image'),
  audio: rule('audio'),
  video: rule('video'),
  document: rule('document'),
  sticker: rule('sticker'),
};

/** One source of truth: Meta's table lives in `@valeo/cloud-api`, shared with the emulator. Stickers: the animated (larger) limit. */
function rule(type: WhatsAppMediaType): MediaRule {
  return { mimeTypes: MEDIA_MIME_TYPES[type], maxBytes: MEDIA_MAX_BYTES[type] };
}

export const STATIC_STICKER_MAX_BYTES = 100 * KB;

/** Image types a browser may render inline; everything else is served as an attachment. */
const INLINE_MIME_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];

export function isWhatsAppMediaType(value: string): value is WhatsAppMediaType {
  return (WHATSAPP_MEDIA_TYPES as readonly string[]).includes(value);
}

/** `audio/ogg; codecs=opus` → `audio/ogg`, lower-cased. */
export function baseMimeType(mimeType: string): string {
  return mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * The WhatsApp media type an upload of `mimeType` becomes. `image/webp` is only valid as a sticker
 * on WhatsApp, so it maps to `sticker`. Undefined when WhatsApp does not accept the type at all.
 */
export function mediaTypeForMime(mimeType: string): WhatsAppMediaType | undefined {
  const base = baseMimeType(mimeType);
  return WHATSAPP_MEDIA_TYPES.find((type) => MEDIA_RULES[type].mimeTypes.includes(base));
}

export function isMimeAllowedFor(type: WhatsAppMediaType, mimeType: string): boolean {
  return MEDIA_RULES[type].mimeTypes.includes(baseMimeType(mimeType));
}

/** The effective size cap: Meta's per-type limit, never above the deployment's MEDIA_MAX_BYTES. */
export function maxBytesFor(type: WhatsAppMediaType, globalMaxBytes: number, opts: { staticSticker?: boolean } = {}): number {
  const typeLimit = type === 'sticker' && opts.staticSticker === true ? STATIC_STICKER_MAX_BYTES : MEDIA_RULES[type].maxBytes;
  return Math.min(typeLimit, globalMaxBytes);
}

export function isInlineMimeType(mimeType: string): boolean {
  return INLINE_MIME_TYPES.includes(baseMimeType(mimeType));
}

/**
 * Cheap magic-byte check for the types a browser could interpret: a file declared as an image or a
 * PDF must start like one. Guards against an HTML/SVG payload uploaded as `image/png`. Types without a
 * reliable signature (text, office, audio/video containers) pass.
 */
export function contentMatchesMime(data: Buffer, mimeType: string): boolean {
  const base = baseMimeType(mimeType);
  const startsWith = (bytes: number[], offset = 0) => bytes.every((b, i) => data[offset + i] === b);
  switch (base) {
    case 'image/jpeg': return startsWith([0xff, 0xd8, 0xff]);
    case 'image/png': return startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/webp': return startsWith([0x52, 0x49, 0x46, 0x46]) && startsWith([0x57, 0x45, 0x42, 0x50], 8);
    case 'application/pdf': return startsWith([0x25, 0x50, 0x44, 0x46]);
    default: return true;
  }
}
