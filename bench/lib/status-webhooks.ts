import { createHash } from 'node:crypto';
import { buildPricing, buildStatus, buildWebhookEnvelope, signWebhookBody, toMetaJson, type WebhookStatusValue } from '@valeo/cloud-api';

/** The business number a webhook is addressed to (the Hub routes by `phone_number_id`). */
export type WebhookNumber = { wabaId: string; phoneNumberId: string; displayPhoneNumber: string };

/** An outbound message the Hub already stored and sent: the status must match its row. */
export type StatusTarget = { wamid: string; recipientId: string; messageId: string };

export type SignedWebhook = { body: string; signature: string };

/** Meta caps `biz_opaque_callback_data` at 512 characters. */
export const BIZ_OPAQUE_MAX_CHARS = 512;

/**
 * A status webhook as Meta sends one for a business-initiated template in 2025/26 (v24 shape):
 * the BSUID `contacts` block, `recipient_identity_key_hash`, per-message pricing (PMP) and the sender's tracking data echoed in
 * `biz_opaque_callback_data`. The tracking data is what an ERP typically attaches (our message id
 * first, then order/campaign context) and fills the field up to Meta's 512-character limit, so the
 * body is ~1.3 KB — about the largest a single-status webhook really gets. Serialised with `toMetaJson` (Meta's `\uXXXX` and `\/` escapes) and signed over
 * exactly those bytes.
 */
export function buildStatusWebhook(input: {
  number: WebhookNumber;
  target: StatusTarget;
  status: WebhookStatusValue;
  /** Webhook timestamps are whole seconds. */
  timestamp: Date;
  appSecret: string;
  /** Distinguishes otherwise identical bodies (Meta's retries carry the same bytes; ours must not). */
  sequence: number;
}): SignedWebhook {
  const { number, target, status, timestamp, sequence } = input;
  const envelope = buildWebhookEnvelope({
    wabaId: number.wabaId,
    phoneNumberId: number.phoneNumberId,
    displayPhoneNumber: number.displayPhoneNumber.replace(/\D/g, ''),
    value: {
      contacts: [{
        profile: { name: 'Jörg Grüßer – Großhandel Süd' },
        wa_id: target.recipientId,
        user_id: `DE.${bsuidDigits(target.recipientId, 20, 'user')}`,
        parent_user_id: `DE.ENT.${bsuidDigits(target.recipientId, 20, 'parent')}`,
      }],
      statuses: [{
        ...buildStatus({
          messageId: target.wamid,
          status,
          timestamp,
          recipientId: target.recipientId,
          bizOpaqueCallbackData: trackingData(target.messageId, sequence),
          pricing: buildPricing({ category: 'utility', type: 'regular' }),
        }),
        // REFERENCE.md §4.5: set when the user's identity key is known (security-code changes).
        recipient_identity_key_hash: createHash('sha256').update(target.recipientId).digest('base64'),
      }],
    },
  });
  const body = toMetaJson(envelope);
  return { body, signature: signWebhookBody(body, input.appSecret) };
}

/** Our id first (it is what the Hub matches on when a wamid is unknown), then ERP context. */
export function trackingData(messageId: string, sequence: number): string {
  const context = [
    `hub:${messageId}`,
    `seq:${sequence}`,
    'tenant:valeo-neuroerp/mandant-0001/werk-stuttgart-feuerbach',
    'erp:SO-2025-0047110/lieferschein-LS-2025-0098812/rechnung-RE-2025-0031177',
    'campaign:lieferstatus-benachrichtigung-q4/segment:b2b-grosshandel-sued/variante-b',
    'flow:auftragsbestaetigung>versandavis>zustellung/kanal:whatsapp-utility/prioritaet:normal',
    'crm:account-0000481516/kontakt-0002342108/ansprechpartner-einkauf',
    'trace:00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    'pos:10/mat-4711-0815/menge-24/ldt-2025-11-28;20/mat-4711-0816/menge-12/ldt-2025-11-28;30/mat-0815-4711/menge-6',
  ].join(';');
  return context.slice(0, BIZ_OPAQUE_MAX_CHARS);
}

/** Stable pseudo digits derived from the wa_id, shaped like Meta's business-scoped user ids. */
function bsuidDigits(waId: string, length: number, salt: string): string {
  const bytes = createHash('sha256').update(`${salt}:${waId}`).digest();
  return Array.from(bytes.subarray(0, length), (byte) => String(byte % 10)).join('');
}
