import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { createMedia, MEDIA_DOWNLOAD_PATH, mediaDownloadUrl, verifyDownloadUrl } from '../media.js';
import { MAX_UPLOAD_BYTES } from '../rules/media-limits.js';
import type { MediaObject } from '../state/types.js';
import { invalidToken, requireNumber, requireToken, requireVersion, unknownObject } from './graph-http.js';
import { readUpload } from './media-upload.js';

type Params = { version: string; phoneNumberId: string };

/**
 * Media owned by a number may be used by any token of the same WABA; `?phone_number_id=` restricts
 * the call to media of that number (REFERENCE.md §2).
 */
export function requireMedia(ctx: EmulatorContext, request: FastifyRequest, mediaId: string): MediaObject | undefined {
  const media = ctx.store.media.get(mediaId);
  if (!media) return undefined;
  const token = requireToken(ctx, request);
  const owner = ctx.store.phoneNumbers.get(media.phoneNumberId);
  const allowed = owner && ctx.store.numbersOfWaba(owner.wabaId).some((n) => n.accessToken === token);
  const onlyFor = (request.query as Record<string, unknown>)['phone_number_id'];
  if (!allowed || (onlyFor !== undefined && onlyFor !== media.phoneNumberId)) throw unknownObject(mediaId, request.method);
  return media;
}

export function toGraphMedia(ctx: EmulatorContext, media: MediaObject): Record<string, unknown> {
  return {
    messaging_product: 'whatsapp',
    url: mediaDownloadUrl(ctx, media),
    mime_type: media.mimeType,
    sha256: media.sha256,
    // Meta's OpenAPI example sends file_size as a string ("303833").
    file_size: String(media.fileSize),
    id: media.id,
  };
}

/** `GET <download url>`: the bytes, only with a bearer token of the media's WABA and before the URL expires. */
async function download(ctx: EmulatorContext, request: FastifyRequest): Promise<{ media: MediaObject } | { status: number }> {
  const mediaId = verifyDownloadUrl(ctx, request.query as Record<string, unknown>);
  const media = mediaId ? ctx.store.media.get(mediaId) : undefined;
  if (!media) return { status: 404 };
  try {
    requireMedia(ctx, request, media.id);
  } catch {
    throw invalidToken();
  }
  return { media };
}

export function mediaRoutes(ctx: EmulatorContext): FastifyPluginAsync {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });

    app.post<{ Params: Params }>('/:version/:phoneNumberId/media', async (request, reply) => {
      requireVersion(request);
      const number = requireNumber(ctx, request, request.params.phoneNumberId);
      const upload = await readUpload(request);
      const media = createMedia(ctx, {
        phoneNumberId: number.phoneNumberId, data: upload.data, mimeType: upload.mimeType, origin: 'upload',
        ...(upload.filename !== undefined ? { filename: upload.filename } : {}),
      });
      return reply.send({ id: media.id });
    });

    const downloadHandler = async (request: FastifyRequest, reply: FastifyReply) => {
      const result = await download(ctx, request);
      if ('status' in result) return reply.code(result.status).send({ error: { message: 'URL signature expired or invalid', code: 404 } });
      const { media } = result;
      reply.header('content-type', media.mimeType).header('content-length', media.data.length);
      if (media.filename) reply.header('content-disposition', attachmentHeader(media.filename));
      return reply.send(media.data);
    };
    app.get(MEDIA_DOWNLOAD_PATH, downloadHandler);
    app.get(MEDIA_DOWNLOAD_PATH.replace(/\/$/, ''), downloadHandler);
  };
}

/**
 * Header values must be ASCII: an ASCII fallback in `filename` plus the exact name UTF-8-encoded in
 * `filename*` (RFC 6266 / RFC 5987), so "Müller.pdf" neither breaks the response nor loses its name.
 */
export function attachmentHeader(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
