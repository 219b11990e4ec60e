import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { baseMimeType, describeLimit, MAX_UPLOAD_BYTES, maxUploadBytes } from '../rules/media-limits.js';
import { GraphError } from './graph-http.js';

export type UploadForm = { data: Buffer; mimeType: string; filename: string | undefined };

type RawForm = { file?: { data: Buffer; mimetype: string; filename: string }; fields: Record<string, string> };

async function readFile(part: MultipartFile): Promise<NonNullable<RawForm['file']>> {
  try {
    return { data: await part.toBuffer(), mimetype: part.mimetype, filename: part.filename };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new GraphError({ code: 131053, details: `File exceeds the largest accepted size (${describeLimit(MAX_UPLOAD_BYTES)}).` });
    }
    throw err;
  }
}

async function readForm(request: FastifyRequest): Promise<RawForm> {
  const form: RawForm = { fields: {} };
  if (!request.isMultipart()) return form;
  for await (const part of request.parts()) {
    if (part.type === 'file') form.file = await readFile(part);
    else form.fields[part.fieldname] = String(part.value);
  }
  return form;
}

/**
 * Reads and checks a media upload like Meta: `messaging_product=whatsapp` (form field or query, as
 * whatsapp-api-js sends it), a `file`, its MIME type from the `type` field or the file part, and the
 * per-type size limit. Unsupported type or oversize → 131053 (Media upload error).
 */
export async function readUpload(request: FastifyRequest): Promise<UploadForm> {
  const form = await readForm(request);
  const query = request.query as Record<string, unknown>;
  const product = form.fields['messaging_product'] ?? query['messaging_product'];
  if (product === undefined) throw new GraphError({ code: 131008, details: 'The parameter messaging_product is required.' });
  if (product !== 'whatsapp') throw new GraphError({ code: 100, details: 'Param messaging_product must be whatsapp.' });
  if (!form.file) throw new GraphError({ code: 131008, details: 'The parameter file is required.' });
  const mimeType = baseMimeType(form.fields['type'] ?? form.file.mimetype);
  const limit = maxUploadBytes(mimeType);
  if (limit === undefined) {
    throw new GraphError({ code: 131053, details: `Param file must be a file with one of the supported media types; got '${mimeType}'.` });
  }
  if (form.file.data.length > limit) {
    throw new GraphError({ code: 131053, details: `File of type ${mimeType} exceeds the ${describeLimit(limit)} limit (${form.file.data.length} bytes).` });
  }
  return { data: form.file.data, mimeType, filename: form.file.filename || undefined };
}
