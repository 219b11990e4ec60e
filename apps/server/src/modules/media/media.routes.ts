import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authOf, requireScope } from '../../http/plugins/auth.plugin.js';
import { mediaTooLarge, mediaTypeNotAllowed, mediaUploadInvalid } from './media.errors.js';
import { baseMimeType, isInlineMimeType, maxBytesFor, mediaTypeForMime } from './media-rules.js';
import { MediaIdParams, MediaView, toMediaView } from './media.schemas.js';
import type { MediaService, UploadMediaInput } from './media.service.js';
import type { MediaRecord } from './media.repository.js';

export type MediaRoutesOptions = {
  service: MediaService;
  /** MEDIA_MAX_BYTES; the multipart parser stops reading past it. */
  maxBytes: number;
};

const CHANNEL_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * `POST /media` (multipart: `channelId` + `file`), `GET /media/:id`, `GET /media/:id/content`.
 * Registered under /api/v1 behind API-key auth; every read is scoped to the caller's tenant.
 */
export function mediaRoutes(opts: MediaRoutesOptions) {
  return async function mediaPlugin(app: FastifyInstance): Promise<void> {
    // Encapsulated: only these routes accept multipart bodies.
    await app.register(multipart, { limits: { fileSize: opts.maxBytes, files: 1, fields: 4, fieldSize: 1_024, parts: 5 } });

    app.post('/media', {
      onRequest: requireScope('messages:send'),
      schema: { tags: ['media'], summary: 'Upload media to send by id', consumes: ['multipart/form-data'], response: { 201: MediaView } },
    }, async (request, reply) => {
      const tenantId = authOf(request).tenantId;
      const upload = await readUpload(request, opts.maxBytes);
      const media = await opts.service.upload({ tenantId, ...upload });
      return reply.code(201).send(toMediaView(media));
    });

    app.get<{ Params: MediaIdParams }>('/media/:id', {
      onRequest: requireScope('messages:read'),
      schema: { tags: ['media'], summary: 'Media metadata', params: MediaIdParams, response: { 200: MediaView } },
    }, async (request) => toMediaView(await opts.service.get(authOf(request).tenantId, request.params.id)));

    app.get<{ Params: MediaIdParams }>('/media/:id/content', {
      onRequest: requireScope('messages:read'),
      schema: { tags: ['media'], summary: 'Media bytes', params: MediaIdParams },
    }, async (request, reply) => {
      const { media, data } = await opts.service.readContent(authOf(request).tenantId, request.params.id);
      return reply.headers(contentHeaders(media)).send(data);
    });
  };
}

/**
 * Reads `channelId` and one `file` part. The per-type limit is known once the file part's MIME type
 * is, so an oversized image is refused without keeping 100 MB in memory: excess bytes are drained,
 * not collected.
 */
async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Omit<UploadMediaInput, 'tenantId'>> {
  if (!request.isMultipart()) throw mediaUploadInvalid('Send multipart/form-data with the fields channelId and file');
  let channelId: string | undefined;
  let file: { data: Buffer; mimeType: string; filename: string } | undefined;
  let refusal: Error | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (part.fieldname === 'channelId' && typeof part.value === 'string') channelId = part.value.trim();
      continue;
    }
    const type = mediaTypeForMime(part.mimetype);
    const cap = type === undefined ? 0 : maxBytesFor(type, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total <= cap) chunks.push(chunk);
    }
    if (part.fieldname !== 'file' || file !== undefined) refusal ??= mediaUploadInvalid('Send exactly one file, in the field "file"');
    else if (type === undefined) refusal ??= mediaTypeNotAllowed(baseMimeType(part.mimetype));
    else if (total > cap || part.file.truncated) refusal ??= mediaTooLarge(cap, type);
    else file = { data: Buffer.concat(chunks, total), mimeType: part.mimetype, filename: part.filename };
  }
  if (refusal !== undefined) throw refusal;
  if (channelId === undefined || !CHANNEL_ID.test(channelId)) throw mediaUploadInvalid('The field "channelId" is missing or invalid');
  if (file === undefined) throw mediaUploadInvalid('The field "file" is missing');
  const filename = sanitizeFilename(file.filename);
  return { channelId, data: file.data, mimeType: file.mimeType, ...(filename === undefined ? {} : { filename }) };
}

/** Keeps a display name only: no path, no control characters, bounded. */
function sanitizeFilename(raw: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const name = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return name === '' ? undefined : name;
}

/**
 * User media is untrusted (RELIABILITY.md §4.5, SEC-15): the declared type only if it is one we
 * accept, never sniffed, a sandbox CSP, and anything but a raster image as a download.
 */
function contentHeaders(media: MediaRecord): Record<string, string> {
  const mimeType = media.mimeType !== null && mediaTypeForMime(media.mimeType) !== undefined
    ? baseMimeType(media.mimeType)
    : 'application/octet-stream';
  const disposition = isInlineMimeType(mimeType) ? 'inline' : 'attachment';
  return {
    'content-type': mimeType,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox; frame-ancestors 'none'",
    'cache-control': 'private, no-cache',
    'content-disposition': contentDisposition(disposition, media.filename ?? `media-${media.id}`),
  };
}

/** RFC 6266: an ASCII fallback plus the exact name as RFC 5987 `filename*`. */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
