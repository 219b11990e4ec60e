import { MEDIA_UPLOAD_RULES, type UploadMediaType } from '@valeo/contracts';

export type AttachmentCheck =
  | { ok: true; type: UploadMediaType }
  | { ok: false; reason: 'type' | 'empty' }
  | { ok: false; reason: 'size'; type: UploadMediaType; maxBytes: number };

const TYPES = Object.keys(MEDIA_UPLOAD_RULES) as UploadMediaType[];

/** For the file input's `accept`: every MIME type WhatsApp takes. */
export const ATTACHMENT_ACCEPT = TYPES.flatMap((type) => MEDIA_UPLOAD_RULES[type].mimeTypes).join(',');

/**
 * The server's rules, checked before a byte is uploaded: the WhatsApp media type a file's MIME type
 * belongs to, and that type's size limit. The server checks again (and the content, too).
 */
export function checkAttachment(file: { type: string; size: number }): AttachmentCheck {
  const mimeType = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
  const type = TYPES.find((t) => MEDIA_UPLOAD_RULES[t].mimeTypes.includes(mimeType));
  if (type === undefined) return { ok: false, reason: 'type' };
  if (file.size === 0) return { ok: false, reason: 'empty' };
  const { maxBytes } = MEDIA_UPLOAD_RULES[type];
  return file.size > maxBytes ? { ok: false, reason: 'size', type, maxBytes } : { ok: true, type };
}
