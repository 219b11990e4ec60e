import { Type, type Static } from 'typebox';

/**
 * Pieces shared by webhook values. Every object here is lenient (extra properties allowed) because
 * Meta adds fields without a version bump (e.g. BSUID `user_id` from 2026-03-31).
 */

/** `value.metadata` of a `messages` change. */
export const WebhookMetadata = Type.Object({
  display_phone_number: Type.String(),
  phone_number_id: Type.String(),
});
export type WebhookMetadata = Static<typeof WebhookMetadata>;

/**
 * `value.contacts[]`: the user who wrote or was written to. `profile` is absent in some payloads
 * (user_preferences); `wa_id` may be omitted for username-only users from 2026 (BSUID rollout).
 */
export const WebhookContact = Type.Object({
  wa_id: Type.Optional(Type.String()),
  profile: Type.Optional(
    Type.Object({ name: Type.Optional(Type.String()), username: Type.Optional(Type.String()) }),
  ),
  user_id: Type.Optional(Type.String()),
  parent_user_id: Type.Optional(Type.String()),
});
export type WebhookContact = Static<typeof WebhookContact>;

/**
 * Async error as found in `value.errors[]`, `messages[].errors[]` and `statuses[].errors[]`:
 * `{code, title, message (= title), error_data{details}, href}` (REFERENCE.md §4.5).
 */
export const WebhookError = Type.Object({
  code: Type.Integer(),
  title: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
  error_data: Type.Optional(Type.Object({ details: Type.String() })),
  href: Type.Optional(Type.String()),
});
export type WebhookError = Static<typeof WebhookError>;

/** Unix seconds as a decimal string, the way `messages`/`statuses` carry timestamps. */
export const UnixSecondsString = Type.String({ pattern: '^[0-9]+$' });
