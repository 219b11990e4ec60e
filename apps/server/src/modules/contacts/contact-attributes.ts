import { CONTACT_ATTRIBUTES_MAX, ContactErrorCode } from '@valeo/contracts';
import { AppError } from '../../core/errors/app-error.js';

/**
 * JSON-merge-patch of the attribute map: a string sets a key, null removes it. The map stays bounded
 * (CONTACT_ATTRIBUTES_MAX keys) so one contact cannot grow without limit through repeated PATCHes.
 */
export function mergeAttributes(current: Readonly<Record<string, string>>, patch: Readonly<Record<string, string | null>>): Record<string, string> {
  const merged = new Map(Object.entries(current));
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) merged.delete(key);
    else merged.set(key, value);
  }
  if (merged.size > CONTACT_ATTRIBUTES_MAX) {
    throw new AppError({
      code: ContactErrorCode.CONTACT_ATTRIBUTES_LIMIT,
      httpStatus: 422,
      message: `A contact has at most ${CONTACT_ATTRIBUTES_MAX} attributes; remove some first (set them to null)`,
    });
  }
  // Sorted keys: a stable order in the API and in the stored JSON.
  return Object.fromEntries([...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
