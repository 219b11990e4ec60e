/**
 * Upload types and size limits of the Cloud API media endpoint (REFERENCE.md §2, "Supported types and
 * limits"). Stickers: static ≤ 100 KB, animated ≤ 500 KB — the bytes alone do not tell which, so the
 * animated (larger) limit applies.
 */
const MB = 1024 * 1024;
const KB = 1024;

const LIMITS: Readonly<Record<string, number>> = {
  'audio/aac': 16 * MB,
  'audio/amr': 16 * MB,
  'audio/mpeg': 16 * MB,
  'audio/mp4': 16 * MB,
  'audio/ogg': 16 * MB,
  'text/plain': 100 * MB,
  'application/pdf': 100 * MB,
  'application/vnd.ms-excel': 100 * MB,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 100 * MB,
  'application/msword': 100 * MB,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 100 * MB,
  'application/vnd.ms-powerpoint': 100 * MB,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 100 * MB,
  'image/jpeg': 5 * MB,
  'image/png': 5 * MB,
  'image/webp': 500 * KB,
  'video/mp4': 16 * MB,
  'video/3gpp': 16 * MB,
};

/** The largest accepted upload (documents); the multipart parser is capped just above it. */
export const MAX_UPLOAD_BYTES = 100 * MB;

/** `audio/ogg; codecs=opus` → `audio/ogg`. */
export function baseMimeType(mimeType: string): string {
  return mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
}

export function maxUploadBytes(mimeType: string): number | undefined {
  return LIMITS[baseMimeType(mimeType)];
}

export function describeLimit(bytes: number): string {
  return bytes >= MB ? `${bytes / MB} MB` : `${bytes / KB} KB`;
}
