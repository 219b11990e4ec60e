import { Type, type Static, type TProperties } from 'typebox';
import { ContactCard } from './contact-card.js';
import { UnixSecondsString, WebhookError } from './webhook-common.js';
import { WebhookInteractiveReply } from './webhook-interactive.js';

/**
 * Inbound `value.messages[]` (REFERENCE.md §4.4). Known types are validated per type; a message whose
 * `type` is not known yet is still accepted as {@link WebhookUnknownInboundMessage} so one new Meta
 * type cannot make a whole batch unparseable. Narrow with {@link isKnownInboundMessage}.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages
 */
export const WebhookMessageContext = Type.Object({
  from: Type.Optional(Type.String()),
  id: Type.Optional(Type.String()),
  /** Set when the user tapped "Message business" on a product. */
  referred_product: Type.Optional(
    Type.Object({ catalog_id: Type.String(), product_retailer_id: Type.String() }),
  ),
  forwarded: Type.Optional(Type.Boolean()),
  frequently_forwarded: Type.Optional(Type.Boolean()),
});

/** Click-to-WhatsApp ad / post referral, on the first message after the tap. */
export const WebhookReferral = Type.Object({
  source_url: Type.Optional(Type.String()),
  source_id: Type.Optional(Type.String()),
  source_type: Type.Optional(Type.String()),
  body: Type.Optional(Type.String()),
  headline: Type.Optional(Type.String()),
  media_type: Type.Optional(Type.String()),
  image_url: Type.Optional(Type.String()),
  video_url: Type.Optional(Type.String()),
  thumbnail_url: Type.Optional(Type.String()),
  ctwa_clid: Type.Optional(Type.String()),
  welcome_message: Type.Optional(Type.Object({ text: Type.String() })),
});
export type WebhookReferral = Static<typeof WebhookReferral>;

const baseProperties = {
  from: Type.String(),
  id: Type.String(),
  timestamp: UnixSecondsString,
  context: Type.Optional(WebhookMessageContext),
  referral: Type.Optional(WebhookReferral),
  errors: Type.Optional(Type.Array(WebhookError)),
  /** 2026 BSUID rollout. */
  from_user_id: Type.Optional(Type.String()),
};

function inbound<T extends string, P extends TProperties>(type: T, properties: P) {
  return Type.Object({ ...baseProperties, type: Type.Literal(type), ...properties });
}

/** Media as received: `url` (lookaside) is present since 2025-10-16. */
export const WebhookMedia = Type.Object({
  id: Type.String(),
  mime_type: Type.String(),
  sha256: Type.Optional(Type.String()),
  url: Type.Optional(Type.String()),
  caption: Type.Optional(Type.String()),
  filename: Type.Optional(Type.String()),
  animated: Type.Optional(Type.Boolean()),
  voice: Type.Optional(Type.Boolean()),
});
export type WebhookMedia = Static<typeof WebhookMedia>;

export const WebhookLocation = Type.Object({
  latitude: Type.Number(),
  longitude: Type.Number(),
  name: Type.Optional(Type.String()),
  address: Type.Optional(Type.String()),
  url: Type.Optional(Type.String()),
});

export const WebhookOrder = Type.Object({
  catalog_id: Type.String(),
  text: Type.Optional(Type.String()),
  product_items: Type.Array(
    Type.Object({
      product_retailer_id: Type.String(),
      quantity: Type.Number(),
      item_price: Type.Number(),
      currency: Type.String(),
    }),
  ),
});

export const WebhookTextMessage = inbound('text', { text: Type.Object({ body: Type.String() }) });
export const WebhookImageMessage = inbound('image', { image: WebhookMedia });
export const WebhookAudioMessage = inbound('audio', { audio: WebhookMedia });
export const WebhookVideoMessage = inbound('video', { video: WebhookMedia });
export const WebhookDocumentMessage = inbound('document', { document: WebhookMedia });
export const WebhookStickerMessage = inbound('sticker', { sticker: WebhookMedia });
export const WebhookLocationMessage = inbound('location', { location: WebhookLocation });
export const WebhookContactsMessage = inbound('contacts', { contacts: Type.Array(ContactCard) });
export const WebhookInteractiveMessage = inbound('interactive', { interactive: WebhookInteractiveReply });
/** Tap on a template quick-reply button. */
export const WebhookButtonMessage = inbound('button', {
  button: Type.Object({ payload: Type.String(), text: Type.String() }),
});
/** `emoji` is omitted when the user removes their reaction. */
export const WebhookReactionMessage = inbound('reaction', {
  reaction: Type.Object({ message_id: Type.String(), emoji: Type.Optional(Type.String()) }),
});
export const WebhookOrderMessage = inbound('order', { order: WebhookOrder });
/** `contacts[]` is absent for system messages. */
export const WebhookSystemMessage = inbound('system', {
  system: Type.Object({
    body: Type.String(),
    wa_id: Type.Optional(Type.String()),
    type: Type.String(),
  }),
});
export const WebhookUnsupportedMessage = inbound('unsupported', {
  unsupported: Type.Optional(Type.Object({ type: Type.String() })),
});
export const WebhookRevokeMessage = inbound('revoke', {
  revoke: Type.Object({ original_message_id: Type.String() }),
});
/** `edit.message` is the new content without from/id/timestamp. */
export const WebhookEditMessage = inbound('edit', {
  edit: Type.Object({
    original_message_id: Type.String(),
    message: Type.Object({ type: Type.String() }),
  }),
});
/** First open of a chat with the business (no payload object). */
export const WebhookRequestWelcomeMessage = inbound('request_welcome', {});

export const INBOUND_MESSAGE_TYPES = [
  'text', 'image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts', 'interactive',
  'button', 'reaction', 'order', 'system', 'unsupported', 'revoke', 'edit', 'request_welcome',
] as const;
export type InboundMessageType = (typeof INBOUND_MESSAGE_TYPES)[number];

export const WebhookInboundMessage = Type.Union([
  WebhookTextMessage, WebhookImageMessage, WebhookAudioMessage, WebhookVideoMessage, WebhookDocumentMessage,
  WebhookStickerMessage, WebhookLocationMessage, WebhookContactsMessage, WebhookInteractiveMessage,
  WebhookButtonMessage, WebhookReactionMessage, WebhookOrderMessage, WebhookSystemMessage,
  WebhookUnsupportedMessage, WebhookRevokeMessage, WebhookEditMessage, WebhookRequestWelcomeMessage,
]);
/** A message of a type this package knows; a discriminated union on `type`. */
export type WebhookInboundMessage = Static<typeof WebhookInboundMessage>;

export const WebhookUnknownInboundMessage = Type.Object({
  ...baseProperties,
  type: Type.String({ pattern: `^(?!(?:${INBOUND_MESSAGE_TYPES.join('|')})$).+$` }),
});
export type WebhookUnknownInboundMessage = Static<typeof WebhookUnknownInboundMessage>;

export const WebhookAnyInboundMessage = Type.Union([WebhookInboundMessage, WebhookUnknownInboundMessage]);
export type WebhookAnyInboundMessage = Static<typeof WebhookAnyInboundMessage>;

const KNOWN_TYPES: ReadonlySet<string> = new Set(INBOUND_MESSAGE_TYPES);

/** True for messages of a known type (already validated against that type's schema). */
export function isKnownInboundMessage(message: WebhookAnyInboundMessage): message is WebhookInboundMessage {
  return KNOWN_TYPES.has(message.type);
}
