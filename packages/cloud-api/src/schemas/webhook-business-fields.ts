import { Type, type Static } from 'typebox';

/**
 * Typed `value`s of non-message webhook fields (REFERENCE.md §3.3, §4.3). The payload schema accepts
 * any object for these; check a change's value against one of these when acting on it. Lenient:
 * Meta adds fields. `message_template_id` is a JSON number in Meta's samples.
 */
export const WEBHOOK_FIELDS = {
  MESSAGES: 'messages',
  TEMPLATE_STATUS: 'message_template_status_update',
  TEMPLATE_QUALITY: 'message_template_quality_update',
  TEMPLATE_COMPONENTS: 'message_template_components_update',
  TEMPLATE_CATEGORY: 'template_category_update',
  PHONE_NUMBER_QUALITY: 'phone_number_quality_update',
  ACCOUNT_ALERTS: 'account_alerts',
  BUSINESS_CAPABILITY: 'business_capability_update',
  USER_PREFERENCES: 'user_preferences',
} as const;

const templateRef = {
  message_template_id: Type.Union([Type.Number(), Type.String()]),
  message_template_name: Type.String(),
  message_template_language: Type.String(),
};

/** `event` is one of `TEMPLATE_STATUSES`; `reason` is `null` when scheduled for deletion. */
export const TemplateStatusUpdateValue = Type.Object({
  event: Type.String(),
  ...templateRef,
  reason: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  message_template_category: Type.Optional(Type.String()),
  rejection_info: Type.Optional(Type.Object({ reason: Type.String(), recommendation: Type.String() })),
  disable_info: Type.Optional(Type.Object({ disable_date: Type.Number() })),
  other_info: Type.Optional(Type.Object({ title: Type.String(), description: Type.String() })),
});
export type TemplateStatusUpdateValue = Static<typeof TemplateStatusUpdateValue>;

/** Meta's example sends this under field `message_template_status_update` (doc bug): tell by the keys. */
export const TemplateQualityUpdateValue = Type.Object({
  ...templateRef,
  previous_quality_score: Type.String(),
  new_quality_score: Type.String(),
});
export type TemplateQualityUpdateValue = Static<typeof TemplateQualityUpdateValue>;

/** Pending: `new_category` + `correct_category` + `category_update_timestamp`; applied: `previous_category` + `new_category`. */
export const TemplateCategoryUpdateValue = Type.Object({
  ...templateRef,
  new_category: Type.String(),
  previous_category: Type.Optional(Type.String()),
  correct_category: Type.Optional(Type.String()),
  category_update_timestamp: Type.Optional(Type.Number()),
});
export type TemplateCategoryUpdateValue = Static<typeof TemplateCategoryUpdateValue>;

export const TemplateComponentsUpdateValue = Type.Object({
  ...templateRef,
  message_template_title: Type.Optional(Type.String()),
  message_template_element: Type.Optional(Type.String()),
  message_template_footer: Type.Optional(Type.String()),
  message_template_buttons: Type.Optional(Type.Array(Type.Record(Type.String(), Type.Unknown()))),
});
export type TemplateComponentsUpdateValue = Static<typeof TemplateComponentsUpdateValue>;

/** `event`: e.g. `THROUGHPUT_UPGRADE`, `FLAGGED`, `UNFLAGGED`, `UPGRADE`, `DOWNGRADE`. */
export const PhoneNumberQualityUpdateValue = Type.Object({
  display_phone_number: Type.String(),
  event: Type.String(),
  current_limit: Type.Optional(Type.String()),
});
export type PhoneNumberQualityUpdateValue = Static<typeof PhoneNumberQualityUpdateValue>;

export const AccountAlertsValue = Type.Object({
  entity_type: Type.String(),
  entity_id: Type.String(),
  alert_info: Type.Object({
    alert_severity: Type.String(),
    alert_status: Type.String(),
    alert_type: Type.String(),
    alert_description: Type.Optional(Type.String()),
  }),
});
export type AccountAlertsValue = Static<typeof AccountAlertsValue>;

/** v24+: `max_daily_conversations_per_business`; ≤ v23: `max_daily_conversation_per_phone`. */
export const BusinessCapabilityUpdateValue = Type.Object({
  max_daily_conversations_per_business: Type.Optional(Type.Number()),
  max_daily_conversation_per_phone: Type.Optional(Type.Number()),
  max_phone_numbers_per_waba: Type.Optional(Type.Number()),
});
export type BusinessCapabilityUpdateValue = Static<typeof BusinessCapabilityUpdateValue>;

/** Marketing opt-out/resume from the user (`value`: `stop` | `resume`); `timestamp` is numeric here. */
export const UserPreferencesValue = Type.Object({
  messaging_product: Type.Optional(Type.Literal('whatsapp')),
  metadata: Type.Optional(Type.Object({ display_phone_number: Type.String(), phone_number_id: Type.String() })),
  contacts: Type.Optional(Type.Array(Type.Object({ wa_id: Type.Optional(Type.String()) }))),
  user_preferences: Type.Array(
    Type.Object({
      wa_id: Type.String(),
      detail: Type.Optional(Type.String()),
      category: Type.String(),
      value: Type.String(),
      timestamp: Type.Number(),
    }),
  ),
});
export type UserPreferencesValue = Static<typeof UserPreferencesValue>;
