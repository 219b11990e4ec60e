import { Type, type Static } from 'typebox';
import { UnixSecondsString, WebhookError } from './webhook-common.js';

/**
 * `value.statuses[]` (REFERENCE.md §4.5). `deleted` is legacy (user deletions now arrive as `revoke`
 * messages) but still accepted. `conversation` is pre-v24 (CBP) and only kept for old payloads.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status
 */
export const WEBHOOK_STATUS_VALUES = ['sent', 'delivered', 'read', 'played', 'failed', 'deleted'] as const;
export type WebhookStatusValue = (typeof WEBHOOK_STATUS_VALUES)[number];

/**
 * Category strings seen in Meta payloads. Kept as a plain string in the schema: Meta spells
 * `authentication-international` with a hyphen in one table and an underscore in another, and 2022-era
 * payloads use `business_initiated`/`user_initiated`.
 */
export const WebhookPricing = Type.Object({
  billable: Type.Optional(Type.Boolean()),
  pricing_model: Type.Optional(Type.String()),
  /** PMP only: `regular` | `free_customer_service` | `free_entry_point`. */
  type: Type.Optional(Type.String()),
  category: Type.String(),
});
export type WebhookPricing = Static<typeof WebhookPricing>;

export const WebhookConversation = Type.Object({
  id: Type.String(),
  expiration_timestamp: Type.Optional(Type.String()),
  origin: Type.Optional(Type.Object({ type: Type.String() })),
});
export type WebhookConversation = Static<typeof WebhookConversation>;

export const WebhookStatus = Type.Object({
  id: Type.String(),
  status: Type.Enum(WEBHOOK_STATUS_VALUES),
  timestamp: UnixSecondsString,
  recipient_id: Type.String(),
  recipient_type: Type.Optional(Type.String()),
  recipient_participant_id: Type.Optional(Type.String()),
  biz_opaque_callback_data: Type.Optional(Type.String()),
  conversation: Type.Optional(WebhookConversation),
  pricing: Type.Optional(WebhookPricing),
  errors: Type.Optional(Type.Array(WebhookError)),
});
export type WebhookStatus = Static<typeof WebhookStatus>;
