import { buildWebhookEnvelope, buildWebhookError, type WebhookError, type WebhookValueContent } from '@valeo/cloud-api';
import { toWaId } from './ids.js';
import type { PhoneNumber } from './state/types.js';

/**
 * Envelope of a `messages` webhook for `number` (REFERENCE.md §4.3). Webhooks carry the display
 * number as bare digits (`15550783881`), unlike the phone-number API (`+1 555-078-3881`).
 */
export function messagesEnvelope(number: PhoneNumber, value: WebhookValueContent): unknown {
  return buildWebhookEnvelope({
    wabaId: number.wabaId,
    phoneNumberId: number.phoneNumberId,
    displayPhoneNumber: toWaId(number.displayPhoneNumber),
    value,
  });
}

/** The `errors[]` item of a failed status (payloads/webhook-status-failed.json). */
export function webhookError(code: number, details?: string): WebhookError {
  return buildWebhookError({ code, ...(details !== undefined ? { details } : {}) });
}
