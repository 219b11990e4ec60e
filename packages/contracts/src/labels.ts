import { Type, type Static } from 'typebox';

/**
 * Labels of a tenant, attached to conversations and contacts.
 *
 * - `GET /api/v1/labels` → `LabelList` (all labels of the tenant, by name).
 * - `POST /api/v1/labels` `CreateLabelRequest` → 201 `Label`; `PATCH /api/v1/labels/:id` `UpdateLabelRequest`
 *   → 200 `Label`; `DELETE /api/v1/labels/:id` → 204 (detaches it everywhere). Admins and supervisors
 *   (scope `labels:manage`). A name already used in the tenant, whatever its case → 409 `LABEL_NAME_TAKEN`.
 * - `PUT|DELETE /api/v1/conversations/:id/labels/:labelId` and `PUT|DELETE /api/v1/contacts/:id/labels/:labelId`
 *   attach / detach (idempotent) → 200 `LabelList` of that conversation or contact. Scope `messages:send` (agents).
 */
export const LABEL_NAME_MAX_LENGTH = 50;
export const LABELS_PER_TENANT_MAX = 200;

/** Letters, digits, spaces and a little punctuation; no control characters, no markup. */
export const LabelName = Type.String({ minLength: 1, maxLength: LABEL_NAME_MAX_LENGTH, pattern: '^ *[\\p{L}\\p{N}][\\p{L}\\p{N} _.:/&+#-]*$' });
export const LabelColor = Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: 'Hex colour, e.g. #1f8a70.' });

export const Label = Type.Object({
  id: Type.String(),
  name: Type.String(),
  color: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Label = Static<typeof Label>;

export const LabelList = Type.Object({ data: Type.Array(Label) });
export type LabelList = Static<typeof LabelList>;

export const CreateLabelRequest = Type.Object({ name: LabelName, color: LabelColor }, { additionalProperties: false });
export type CreateLabelRequest = Static<typeof CreateLabelRequest>;

export const UpdateLabelRequest = Type.Object(
  { name: Type.Optional(LabelName), color: Type.Optional(LabelColor) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateLabelRequest = Static<typeof UpdateLabelRequest>;

export const LabelIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const LabelTargetParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  labelId: Type.String({ minLength: 1, maxLength: 64 }),
});

export const LabelErrorCode = {
  LABEL_NOT_FOUND: 'LABEL_NOT_FOUND',
  LABEL_NAME_TAKEN: 'LABEL_NAME_TAKEN',
  LABEL_LIMIT_REACHED: 'LABEL_LIMIT_REACHED',
} as const;
