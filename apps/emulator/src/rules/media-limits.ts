import { MEDIA_MAX_BYTES, MEDIA_MIME_TYPES } from '@valeo/cloud-api';

/**
 * Upload types and size limits of the Cloud API media endpoint (REFERENCE.md §2), from the shared
 * wire package. Stickers: static ≤ 100 KB, animated ≤ 500 KB — the bytes alone do not tell which,
 * so the animated (larger) limit applies.
 */
const LIMITS: ReadonlyMap<string, number> = new Map(
  (Object.keys(MEDIA_MIME_TYPES) as (keyof typeof MEDIA_MIME_TYPES)[])
    .flatMap((kind) => MEDIA_MIME_TYPES[kind].map((mime): [string, number] => [mime, MEDIA_MAX_BYTES[kind]])),
);

/** The largest accepted upload (documents); the multipart parser is capped at it. */
export const MAX_UPLOAD_BYTES = Math.max(...LIMITS.values());

/** `audio/ogg; codecs=opus` → `audio/ogg`. */
export function baseMimeType(mimeType: string): string {
  return mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
}

export function maxUploadBytes(mimeType: string): number | undefined {
  return LIMITS.get(baseMimeType(mimeType));
}

export function describeLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}
