import { Type, type Static, type TProperties } from 'typebox';

/**
 * Outbound media objects ([OAS23] `MediaObject`; REFERENCE.md §1.2): exactly one of `id` (uploaded
 * media) or `link` (http/https URL). `link` is not checked as a URL because Meta's own examples use
 * placeholders like `http(s)://image-url`; the emulator decides whether it can fetch it.
 * Meta caches media fetched by `link` for 10 minutes per URL.
 */
export const CAPTION_MAX_LENGTH = 1024;

function idOrLink<P extends TProperties>(extra: P) {
  return Type.Union([
    Type.Object({ id: Type.String({ minLength: 1 }), link: Type.Optional(Type.Never()), ...extra }),
    Type.Object({ link: Type.String({ minLength: 1 }), id: Type.Optional(Type.Never()), ...extra }),
  ]);
}

const caption = { caption: Type.Optional(Type.String({ maxLength: CAPTION_MAX_LENGTH })) };

/** Bare media reference (template header parameters, interactive headers: no caption). */
export const MediaObject = idOrLink({});
export type MediaObject = Static<typeof MediaObject>;

export const ImageObject = idOrLink(caption);
export type ImageObject = Static<typeof ImageObject>;

export const VideoObject = idOrLink(caption);
export type VideoObject = Static<typeof VideoObject>;

/** `filename` drives the name and extension the user sees. */
export const DocumentObject = idOrLink({ ...caption, filename: Type.Optional(Type.String({ minLength: 1 })) });
export type DocumentObject = Static<typeof DocumentObject>;

/** No caption. `voice: true` sends a voice note (OGG/OPUS mono; play icon only ≤ 512 KB). */
export const AudioObject = idOrLink({ voice: Type.Optional(Type.Boolean()) });
export type AudioObject = Static<typeof AudioObject>;

/** WebP only; no caption. */
export const StickerObject = idOrLink({});
export type StickerObject = Static<typeof StickerObject>;
