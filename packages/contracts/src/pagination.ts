import { Type, type Static, type TSchema } from 'typebox';

/**
 * Keyset pagination: `cursor` is opaque (the server encodes the last item's sort key),
 * so pages stay stable while rows are inserted. `nextCursor` is null on the last page.
 * Every list endpoint answers `{ data: [...], nextCursor }`.
 */
export const PageQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50, description: 'Page size (1–100).' })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 400, description: 'nextCursor of the previous page.' })),
  },
  { additionalProperties: false },
);
export type PageQuery = Static<typeof PageQuery>;

export const DEFAULT_PAGE_LIMIT = 50;

export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    data: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  });
}
export type Page<T> = { data: T[]; nextCursor: string | null };
