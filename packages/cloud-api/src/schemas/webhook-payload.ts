import { Type, type Static } from 'typebox';
import { WebhookContact, WebhookError, WebhookMetadata } from './webhook-common.js';
import { WebhookAnyInboundMessage } from './webhook-messages.js';
import { WebhookStatus } from './webhook-statuses.js';

/**
 * Webhook POST body: `object` → `entry[]` → `changes[]` → `{field, value}` (REFERENCE.md §4.3).
 * A POST may batch many entries, changes, messages and statuses: consumers must walk all of them.
 */
export const WEBHOOK_OBJECT = 'whatsapp_business_account';

/** `value` of a `messages` change: inbound messages, status updates and/or value-level errors. */
export const WebhookMessagesValue = Type.Object({
  messaging_product: Type.Literal('whatsapp'),
  metadata: WebhookMetadata,
  contacts: Type.Optional(Type.Array(WebhookContact)),
  messages: Type.Optional(Type.Array(WebhookAnyInboundMessage)),
  statuses: Type.Optional(Type.Array(WebhookStatus)),
  errors: Type.Optional(Type.Array(WebhookError)),
});
export type WebhookMessagesValue = Static<typeof WebhookMessagesValue>;

export const WebhookMessagesChange = Type.Object({
  field: Type.Literal('messages'),
  value: WebhookMessagesValue,
});
export type WebhookMessagesChange = Static<typeof WebhookMessagesChange>;

/**
 * Any other subscribed field (template status/quality/category updates, account alerts, user
 * preferences, phone number quality …) is accepted with an object `value`; see
 * `webhook-business-fields.ts` for typed schemas of the ones we act on.
 */
export const WebhookOtherChange = Type.Object({
  field: Type.String({ pattern: '^(?!messages$).+$' }),
  value: Type.Record(Type.String(), Type.Unknown()),
});
export type WebhookOtherChange = Static<typeof WebhookOtherChange>;

export const WebhookChange = Type.Union([WebhookMessagesChange, WebhookOtherChange]);
export type WebhookChange = Static<typeof WebhookChange>;

export const WebhookEntry = Type.Object({
  /** WABA id (for `messages`) or business id (e.g. `business_capability_update`). */
  id: Type.String(),
  /** Numeric unix seconds; present on template/account fields, absent on `messages`. */
  time: Type.Optional(Type.Number()),
  changes: Type.Array(WebhookChange),
});
export type WebhookEntry = Static<typeof WebhookEntry>;

export const WebhookPayload = Type.Object({
  object: Type.Literal(WEBHOOK_OBJECT),
  entry: Type.Array(WebhookEntry),
});
export type WebhookPayload = Static<typeof WebhookPayload>;

/** Narrows a change to the `messages` field (TypeScript cannot narrow on the open `field` string). */
export function isMessagesChange(change: WebhookChange): change is WebhookMessagesChange {
  return change.field === 'messages';
}
