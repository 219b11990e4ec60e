import type { WebhookPayload } from '../schemas/webhook-payload.js';
import { buildBusinessWebhookEnvelope } from './webhook-envelope.js';

export type BuildTemplateStatusUpdateInput = {
  wabaId: string;
  /** Epoch ms or Date; emitted as numeric unix seconds in `entry[].time`. */
  time: Date | number;
  /** `APPROVED`, `PENDING`, `REJECTED`, `PAUSED`, `DISABLED`, … (REFERENCE.md §3.3). */
  event: string;
  /** Meta sends the template id as a JSON number; numeric strings are converted. */
  templateId: string | number;
  templateName: string;
  language: string;
  /** @defaultValue 'NONE' */
  reason?: string | null;
  category?: string;
  rejectionInfo?: { reason: string; recommendation: string };
  disableInfo?: { disable_date: number };
  otherInfo?: { title: string; description: string };
};

function toTemplateId(id: string | number): string | number {
  if (typeof id === 'number') return id;
  const n = Number(id);
  return /^[0-9]+$/.test(id) && Number.isSafeInteger(n) ? n : id;
}

/** Full envelope for `message_template_status_update` (no `messaging_product`/`metadata`). */
export function buildTemplateStatusUpdate(input: BuildTemplateStatusUpdateInput): WebhookPayload {
  const value: Record<string, unknown> = {
    event: input.event,
    message_template_id: toTemplateId(input.templateId),
    message_template_name: input.templateName,
    message_template_language: input.language,
    reason: input.reason === undefined ? 'NONE' : input.reason,
  };
  if (input.category !== undefined) value['message_template_category'] = input.category;
  if (input.rejectionInfo) value['rejection_info'] = input.rejectionInfo;
  if (input.disableInfo) value['disable_info'] = input.disableInfo;
  if (input.otherInfo) value['other_info'] = input.otherInfo;
  const ms = typeof input.time === 'number' ? input.time : input.time.getTime();
  return buildBusinessWebhookEnvelope({
    entryId: input.wabaId,
    field: 'message_template_status_update',
    time: Math.floor(ms / 1000),
    value,
  });
}
