import type { OutboundMessage } from '../messaging-provider.js';

/** The JSON body of `POST /{version}/{phone-number-id}/messages` (REFERENCE.md §1.1). */
export type CloudApiSendBody = {
  messaging_product: 'whatsapp';
  recipient_type: 'individual';
  to: string;
  type: OutboundMessage['type'];
  context?: { message_id: string };
  biz_opaque_callback_data: string;
  [typeKey: string]: unknown;
};

/**
 * Maps a domain message to the exact Cloud API request body. Pure: no validation beyond shape,
 * because the caller (messages module) owns content rules such as the 24-hour window.
 *
 * Our own message id travels as `biz_opaque_callback_data`: Meta echoes it on every status
 * webhook, which is how a send whose response was lost (OUTCOME_UNKNOWN) is reconciled.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status
 */
export function toCloudApiMessage(message: OutboundMessage): CloudApiSendBody {
  const body: CloudApiSendBody = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: message.to,
    type: message.type,
    [message.type]: typeContent(message),
    biz_opaque_callback_data: message.id,
  };
  if (message.replyToWamid !== undefined) body.context = { message_id: message.replyToWamid };
  return body;
}

/**
 * `contacts` is the one type whose Cloud API value is an array, while the port's `content` is an
 * object: callers pass `{ contacts: [...] }` and we unwrap it (a bare array is accepted too).
 */
function typeContent(message: OutboundMessage): unknown {
  const content: unknown = message.content;
  if (message.type !== 'contacts' || Array.isArray(content)) return content;
  const inner = message.content['contacts'];
  return Array.isArray(inner) ? inner : [message.content];
}
