import { createHash, createHmac } from 'node:crypto';
import { baseUrlOf, type EmulatorContext } from './context.js';
import { createGraphId } from './ids.js';
import type { MediaObject } from './state/types.js';

/** Meta's download URLs stay valid for 5 minutes (REFERENCE.md §2). */
export const MEDIA_URL_TTL_SECONDS = 5 * 60;
export const MEDIA_DOWNLOAD_PATH = '/whatsapp_business/attachments/';

export type NewMedia = { phoneNumberId: string; data: Buffer; mimeType: string; filename?: string; origin: MediaObject['origin'] };

export function createMedia(ctx: EmulatorContext, input: NewMedia): MediaObject {
  const media: MediaObject = {
    id: createGraphId(),
    phoneNumberId: input.phoneNumberId,
    mimeType: input.mimeType,
    sha256: createHash('sha256').update(input.data).digest('hex'),
    fileSize: input.data.length,
    data: input.data,
    createdAt: ctx.clock.now().toISOString(),
    origin: input.origin,
    ...(input.filename !== undefined ? { filename: input.filename } : {}),
  };
  ctx.store.media.set(media.id, media);
  return media;
}

function urlHash(ctx: EmulatorContext, mediaId: string, expires: string): string {
  return createHmac('sha256', ctx.mediaUrlSecret).update(`${mediaId}:${expires}`).digest('base64url');
}

/** Shaped like Meta's lookaside URL (`…/whatsapp_business/attachments/?mid=…&ext=…&hash=…`). */
export function mediaDownloadUrl(ctx: EmulatorContext, media: MediaObject): string {
  const expires = String(Math.floor(ctx.clock.nowMs() / 1000) + MEDIA_URL_TTL_SECONDS);
  const query = new URLSearchParams({ mid: media.id, ext: expires, hash: urlHash(ctx, media.id, expires) });
  return `${baseUrlOf(ctx)}${MEDIA_DOWNLOAD_PATH}?${query.toString()}`;
}

/** Checks `mid`/`ext`/`hash` of a download URL; answers the media id when it is genuine and unexpired. */
export function verifyDownloadUrl(ctx: EmulatorContext, query: Record<string, unknown>): string | null {
  const { mid, ext, hash } = query;
  if (typeof mid !== 'string' || typeof ext !== 'string' || typeof hash !== 'string') return null;
  if (urlHash(ctx, mid, ext) !== hash) return null;
  return Number(ext) * 1000 >= ctx.clock.nowMs() ? mid : null;
}
