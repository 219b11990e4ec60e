import { buildInboundMessage, buildInboundMessageValue, buildWebhookEnvelope, signWebhookBody, toMetaJson } from '@valeo/cloud-api';
import { serializeRequest } from './keep-alive-client.js';
import { benchWamid } from './seed-messages.js';
import type { WebhookNumber } from './status-webhooks.js';

/** A pre-serialised signed webhook carrying one customer's text message, and who sent it. */
export type InboundWebhookRequest = { waId: string; request: Buffer };

/** Customers of the push benchmark: `+49 1577 …`, one per message, so each event names its message. */
export function pushCustomer(index: number): string {
  return `491577${String(index).padStart(7, '0')}`;
}

/**
 * Signed `messages` webhooks, each a text from a different customer, exactly as the emulator (or
 * Meta) posts them to `POST /webhooks/whatsapp`: `toMetaJson` bytes, `X-Hub-Signature-256` over them.
 */
export function buildInboundTextWebhooks(input: { number: WebhookNumber; appSecret: string; path: string; count: number; firstIndex: number }): InboundWebhookRequest[] {
  const now = Date.now();
  return Array.from({ length: input.count }, (_, i) => {
    const index = input.firstIndex + i;
    const waId = pushCustomer(index);
    const message = buildInboundMessage({ from: waId, id: benchWamid(waId, index), timestamp: now, content: { type: 'text', text: { body: `Guten Tag, wo bleibt meine Lieferung Nr. ${index}?` } } });
    const envelope = buildWebhookEnvelope({
      wabaId: input.number.wabaId,
      phoneNumberId: input.number.phoneNumberId,
      displayPhoneNumber: input.number.displayPhoneNumber.replace(/\D/g, ''),
      value: buildInboundMessageValue({ waId, profileName: `Kunde ${index}`, messages: message }),
    });
    const body = toMetaJson(envelope);
    const headers = { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(body, input.appSecret) };
    return { waId, request: serializeRequest({ method: 'POST', path: input.path, host: '127.0.0.1', headers, body }) };
  });
}
