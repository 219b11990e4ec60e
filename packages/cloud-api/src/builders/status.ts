import { describeGraphError } from '../graph-error-codes.js';
import type { WebhookError } from '../schemas/webhook-common.js';
import type { WebhookPricing, WebhookStatus, WebhookStatusValue } from '../schemas/webhook-statuses.js';
import { toUnixSeconds } from './unix-seconds.js';
import type { WebhookValueContent } from './webhook-envelope.js';

/** The `href` Meta puts on async errors since late 2025 (older payloads use the full developers.facebook.com URL). */
export const WEBHOOK_ERROR_HREF = '/documentation/business-messaging/whatsapp/support/error-codes';

export type BuildWebhookErrorInput = {
  code: number;
  /** Defaults to the catalogue title for `code`. */
  title?: string;
  /** `error_data.details`; defaults to the title. */
  details?: string;
};

/** Async error object `{code, title, message (= title), error_data{details}, href}`. */
export function buildWebhookError(input: BuildWebhookErrorInput): WebhookError {
  const title = input.title ?? describeGraphError(input.code)?.title ?? 'Unknown error';
  return {
    code: input.code,
    title,
    message: title,
    error_data: { details: input.details ?? title },
    href: WEBHOOK_ERROR_HREF,
  };
}

export type BuildPricingInput = {
  /** `marketing`, `utility`, `authentication`, `authentication-international`, `marketing_lite`, `service`, `referral_conversion`. */
  category: string;
  /** @defaultValue 'regular' (billable); `free_customer_service` or `free_entry_point` otherwise. */
  type?: string;
};

/** Per-message-pricing object (from 2025-07-01). `billable` is still sent, true only for `regular`. */
export function buildPricing(input: BuildPricingInput): WebhookPricing {
  const type = input.type ?? 'regular';
  return { billable: type === 'regular', pricing_model: 'PMP', type, category: input.category };
}

export type BuildStatusInput = {
  /** wamid of the outbound message. */
  messageId: string;
  status: WebhookStatusValue;
  /** Epoch ms or Date; emitted as a unix-seconds string. */
  timestamp: Date | number;
  recipientId: string;
  bizOpaqueCallbackData?: string;
  pricing?: WebhookPricing;
  errors?: WebhookError[];
};

/** One `statuses[]` item in the v24 shape (no `conversation`). */
export function buildStatus(input: BuildStatusInput): WebhookStatus {
  const status: WebhookStatus = {
    id: input.messageId,
    status: input.status,
    timestamp: toUnixSeconds(input.timestamp),
    recipient_id: input.recipientId,
  };
  if (input.bizOpaqueCallbackData !== undefined) status.biz_opaque_callback_data = input.bizOpaqueCallbackData;
  if (input.pricing) status.pricing = input.pricing;
  if (input.errors) status.errors = input.errors;
  return status;
}

/** `{ statuses: [...] }` for {@link buildWebhookEnvelope}. */
export function buildStatusValue(input: { statuses: BuildStatusInput | BuildStatusInput[] }): WebhookValueContent {
  const list = Array.isArray(input.statuses) ? input.statuses : [input.statuses];
  return { statuses: list.map(buildStatus) };
}
