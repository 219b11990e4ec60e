import { Type, type Static, type TSchema } from 'typebox';
import { ContactCard } from './contact-card.js';
import { InteractiveObject } from './interactive.js';
import { AudioObject, DocumentObject, ImageObject, StickerObject, VideoObject } from './outbound-media.js';
import { TemplateObject } from './template-message.js';

/**
 * `POST /{version}/{phone-number-id}/messages` request bodies (REFERENCE.md §1; [OAS23] `Message`).
 * Objects are lenient (extra properties allowed) so a Meta addition never breaks a send; limits that
 * Meta documents are enforced.
 */
export const TEXT_BODY_MAX_LENGTH = 4096;
export const CONTACTS_MAX_ITEMS = 5;

export const TextObject = Type.Object({
  body: Type.String({ minLength: 1, maxLength: TEXT_BODY_MAX_LENGTH }),
  /** Renders a preview of the first http(s) URL in `body`. */
  preview_url: Type.Optional(Type.Boolean()),
});
export type TextObject = Static<typeof TextObject>;

/** Docs show coordinates as strings, [OAS23] examples as numbers: both accepted. */
export const LocationObject = Type.Object({
  latitude: Type.Union([Type.Number(), Type.String({ minLength: 1 })]),
  longitude: Type.Union([Type.Number(), Type.String({ minLength: 1 })]),
  name: Type.Optional(Type.String()),
  address: Type.Optional(Type.String()),
});
export type LocationObject = Static<typeof LocationObject>;

export const ContactsObject = Type.Array(ContactCard, { minItems: 1, maxItems: CONTACTS_MAX_ITEMS });
export type ContactsObject = Static<typeof ContactsObject>;

/**
 * An empty `emoji` removes the reaction (common client convention; not in the current docs).
 * Only a `sent` status follows; a bad target fails asynchronously with 131009.
 */
export const ReactionObject = Type.Object({ message_id: Type.String({ minLength: 1 }), emoji: Type.String() });
export type ReactionObject = Static<typeof ReactionObject>;

export const MESSAGE_TYPE_OBJECT_SCHEMAS = {
  text: TextObject,
  image: ImageObject,
  audio: AudioObject,
  video: VideoObject,
  document: DocumentObject,
  sticker: StickerObject,
  location: LocationObject,
  contacts: ContactsObject,
  interactive: InteractiveObject,
  template: TemplateObject,
  reaction: ReactionObject,
} as const satisfies Record<string, TSchema>;

export type OutboundType = keyof typeof MESSAGE_TYPE_OBJECT_SCHEMAS;
export const OUTBOUND_MESSAGE_TYPES = Object.keys(MESSAGE_TYPE_OBJECT_SCHEMAS) as OutboundType[];
/** The wire object for each outbound type, e.g. `OutboundObject<'text'>` = `TextObject`. */
export type OutboundObject<T extends OutboundType> = Static<(typeof MESSAGE_TYPE_OBJECT_SCHEMAS)[T]>;

export const SendMessageBaseProperties = {
  messaging_product: Type.Literal('whatsapp'),
  /** `group` (Groups API) makes `to` a group id. @defaultValue 'individual' */
  recipient_type: Type.Optional(Type.Union([Type.Literal('individual'), Type.Literal('group')])),
  /** Phone number (`+`, spaces, dashes and brackets allowed) or group id. */
  to: Type.String({ minLength: 1 }),
  /** 2026: business-scoped user id, usable instead of/with `to`. */
  recipient: Type.Optional(Type.String()),
  /** Contextual reply (quote bubble). Not allowed for reactions. */
  context: Type.Optional(Type.Object({ message_id: Type.String({ minLength: 1 }) })),
  /** Echoed back in every status webhook for this message. */
  biz_opaque_callback_data: Type.Optional(Type.String()),
};

function outbound<T extends OutboundType>(type: T) {
  const typed = { [type]: MESSAGE_TYPE_OBJECT_SCHEMAS[type] } as { [K in T]: (typeof MESSAGE_TYPE_OBJECT_SCHEMAS)[K] };
  return Type.Object({ ...SendMessageBaseProperties, type: Type.Literal(type), ...typed });
}

export const SendTextRequest = outbound('text');
export const SendImageRequest = outbound('image');
export const SendAudioRequest = outbound('audio');
export const SendVideoRequest = outbound('video');
export const SendDocumentRequest = outbound('document');
export const SendStickerRequest = outbound('sticker');
export const SendLocationRequest = outbound('location');
export const SendContactsRequest = outbound('contacts');
export const SendInteractiveRequest = outbound('interactive');
export const SendTemplateRequest = outbound('template');
export const SendReactionRequest = outbound('reaction');

export const SendMessageRequest = Type.Union([
  SendTextRequest,
  SendImageRequest,
  SendAudioRequest,
  SendVideoRequest,
  SendDocumentRequest,
  SendStickerRequest,
  SendLocationRequest,
  SendContactsRequest,
  SendInteractiveRequest,
  SendTemplateRequest,
  SendReactionRequest,
]);
export type SendMessageRequest = Static<typeof SendMessageRequest>;

/**
 * Mark as read (also marks earlier messages in the thread read); with `typing_indicator` it also shows
 * "typing…" for up to 25 s or until the next message. Same endpoint as sends; answers `{success:true}`.
 */
export const MarkReadRequest = Type.Object({
  messaging_product: Type.Literal('whatsapp'),
  status: Type.Literal('read'),
  message_id: Type.String({ minLength: 1 }),
  typing_indicator: Type.Optional(Type.Object({ type: Type.Literal('text') })),
});
export type MarkReadRequest = Static<typeof MarkReadRequest>;

/** Anything `POST …/messages` accepts. */
export const MessagesEndpointRequest = Type.Union([SendMessageRequest, MarkReadRequest]);
export type MessagesEndpointRequest = Static<typeof MessagesEndpointRequest>;

export function isMarkReadRequest(body: MessagesEndpointRequest): body is MarkReadRequest {
  return 'status' in body && body.status === 'read' && !('type' in body);
}
