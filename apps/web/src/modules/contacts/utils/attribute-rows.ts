/** One editable line of the attribute editor. */
export type AttributeRow = { key: string; value: string };

const KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export function isValidAttributeKey(key: string): boolean {
  return KEY.test(key);
}

export function toRows(attributes: Readonly<Record<string, string>>): AttributeRow[] {
  return Object.entries(attributes).map(([key, value]) => ({ key, value }));
}

/**
 * The PATCH body for the edited rows: the server merges, so a key that was there and is gone is sent
 * as null. Blank rows are ignored; the last of two rows with the same key wins.
 */
export function attributesPatch(before: Readonly<Record<string, string>>, rows: readonly AttributeRow[]): Record<string, string | null> {
  const after = new Map(rows.filter((r) => r.key.trim() !== '').map((r) => [r.key.trim(), r.value]));
  const patch: Record<string, string | null> = {};
  for (const key of Object.keys(before)) if (!after.has(key)) patch[key] = null;
  for (const [key, value] of after) if (before[key] !== value) patch[key] = value;
  return patch;
}
