/**
 * Where media bytes live. Implementing it: keys are opaque strings built by {@link mediaStorageKey}
 * from ids this server generated (never from request input); `put` must be atomic (a reader sees the
 * old bytes or the new ones, never a torn file) and idempotent (a retried job writes the same key);
 * `get` answers `null` for a missing key. Every adapter passes `__tests__/media-storage.contract.ts`.
 */
export interface MediaStorage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/**
 * The storage key of one media file: `<tenantId>/<mediaId>`. Tenant-scoped, so a tenant's files can be
 * listed, exported or erased as one prefix (GDPR Art. 15/17). Both parts must be plain ids; anything
 * that could climb directories (`..`, `/`, `\`) is refused.
 */
export function mediaStorageKey(tenantId: string, mediaId: string): string {
  assertSafeSegment(tenantId, 'tenant id');
  assertSafeSegment(mediaId, 'media id');
  return `${tenantId}/${mediaId}`;
}

/** Checks that `key` has exactly the shape {@link mediaStorageKey} builds; adapters call it first. */
export function assertValidStorageKey(key: string): void {
  const parts = key.split('/');
  if (parts.length !== 2) throw new Error(`Invalid media storage key: ${JSON.stringify(key)}`);
  parts.forEach((part) => assertSafeSegment(part, 'storage key segment'));
}

function assertSafeSegment(value: string, what: string): void {
  if (!SAFE_SEGMENT.test(value)) throw new Error(`Invalid ${what} for media storage: ${JSON.stringify(value)}`);
}
