import { badRequest } from './errors/app-error.js';

/** Opaque keyset cursors: base64url JSON, validated on the way back in. */
export function encodeCursor(value: Record<string, string>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<K extends string>(cursor: string | undefined, keys: readonly K[]): Record<K, string> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && keys.every((k) => typeof (parsed as Record<string, unknown>)[k] === 'string')) {
      return parsed as Record<K, string>;
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest('INVALID_CURSOR', 'The cursor is not one this API returned');
}
