import type { WebhookContact } from '../schemas/webhook-common.js';
import type { WebhookAnyInboundMessage, WebhookInboundMessage, WebhookReferral } from '../schemas/webhook-messages.js';
import { toUnixSeconds } from './unix-seconds.js';
import type { WebhookValueContent } from './webhook-envelope.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type BaseKey = 'from' | 'id' | 'timestamp' | 'context' | 'referral' | 'errors' | 'from_user_id';

/** The type-specific part of an inbound message, e.g. `{ type: 'text', text: { body: 'hi' } }`. */
export type InboundMessageContent = DistributiveOmit<WebhookInboundMessage, BaseKey>;

export type BuildInboundMessageInput = {
  from: string;
  /** wamid of the inbound message. */
  id: string;
  /** Epoch ms or Date; emitted as a unix-seconds string. */
  timestamp: Date | number;
  content: InboundMessageContent;
  /** Set for replies: `from` is the business number, `id` the quoted wamid. */
  context?: { from: string; id: string };
  referral?: WebhookReferral;
};

/** One inbound message as Meta sends it. Base fields first, as in Meta's samples. */
export function buildInboundMessage(input: BuildInboundMessageInput): WebhookInboundMessage {
  const message: Record<string, unknown> = {};
  if (input.context) message['context'] = { from: input.context.from, id: input.context.id };
  if (input.referral) message['referral'] = input.referral;
  Object.assign(message, { from: input.from, id: input.id, timestamp: toUnixSeconds(input.timestamp) });
  Object.assign(message, input.content);
  return message as WebhookInboundMessage;
}

export type BuildInboundMessageValueInput = {
  /** The user's WhatsApp id (phone digits, no `+`). */
  waId: string;
  /** The user's profile name; Meta omits `profile` only in rare payloads. */
  profileName?: string;
  messages: WebhookAnyInboundMessage | WebhookAnyInboundMessage[];
};

/** `{ contacts: [{ profile: { name }, wa_id }], messages }` for {@link buildWebhookEnvelope}. */
export function buildInboundMessageValue(input: BuildInboundMessageValueInput): WebhookValueContent {
  const contact: WebhookContact = {};
  if (input.profileName !== undefined) contact.profile = { name: input.profileName };
  contact.wa_id = input.waId;
  const messages = Array.isArray(input.messages) ? input.messages : [input.messages];
  return { contacts: [contact], messages };
}
