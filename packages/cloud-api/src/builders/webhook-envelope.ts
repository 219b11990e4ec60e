import type { WebhookContact, WebhookError } from '../schemas/webhook-common.js';
import type { WebhookAnyInboundMessage } from '../schemas/webhook-messages.js';
import { WEBHOOK_OBJECT, type WebhookChange, type WebhookPayload } from '../schemas/webhook-payload.js';
import type { WebhookStatus } from '../schemas/webhook-statuses.js';

/** Content of a `messages` value; the envelope adds `messaging_product` and `metadata`. */
export type WebhookValueContent = {
  contacts?: WebhookContact[];
  messages?: WebhookAnyInboundMessage[];
  statuses?: WebhookStatus[];
  errors?: WebhookError[];
};

export type BuildWebhookEnvelopeInput = {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  /** @defaultValue 'messages' (`user_preferences` also carries metadata and may use this builder). */
  field?: string;
  value: WebhookValueContent | Record<string, unknown>;
};

/**
 * Envelope for phone-number fields, byte-shaped like Meta's (`value` before `field`, no `entry[].time`).
 * Serialise with `toMetaJson` before signing so the bytes match what Meta would send.
 */
export function buildWebhookEnvelope(input: BuildWebhookEnvelopeInput): WebhookPayload {
  const value = {
    messaging_product: 'whatsapp' as const,
    metadata: { display_phone_number: input.displayPhoneNumber, phone_number_id: input.phoneNumberId },
    ...input.value,
  };
  const change = { value, field: input.field ?? 'messages' } as WebhookChange;
  return { object: WEBHOOK_OBJECT, entry: [{ id: input.wabaId, changes: [change] }] };
}

export type BuildBusinessWebhookEnvelopeInput = {
  /** WABA id (template fields) or business id (`business_capability_update`). */
  entryId: string;
  field: string;
  /** Unix seconds, numeric as Meta sends it on these fields. */
  time: number;
  value: Record<string, unknown>;
};

/** Envelope for account-level fields: `entry[].time`, no `messaging_product`/`metadata`. */
export function buildBusinessWebhookEnvelope(input: BuildBusinessWebhookEnvelopeInput): WebhookPayload {
  const change = { value: input.value, field: input.field } as WebhookChange;
  return { entry: [{ id: input.entryId, time: input.time, changes: [change] }], object: WEBHOOK_OBJECT };
}
