import { Type, type Static, type TSchema } from 'typebox';
import { MESSAGE_TYPE_OBJECT_SCHEMAS, type OutboundType } from '@valeo/cloud-api';

export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'read', 'played', 'failed', 'deleted', 'unknown', 'received'] as const;
export const MessageStatus = Type.Union([
  Type.Literal('queued'), Type.Literal('sending'), Type.Literal('sent'), Type.Literal('delivered'), Type.Literal('read'),
  Type.Literal('played'), Type.Literal('failed'), Type.Literal('deleted'), Type.Literal('unknown'), Type.Literal('received'),
]);
export type MessageStatus = Static<typeof MessageStatus>;

const SendCommon = {
  channelId: Type.String({ minLength: 1, maxLength: 64 }),
  to: Type.String({ minLength: 1, maxLength: 32, description: 'Recipient phone number in international format, e.g. +4915112345678.' }),
  context: Type.Optional(Type.Object({ message_id: Type.String({ minLength: 1, maxLength: 256 }) }, { description: 'Reply to this wamid.' })),
};

function sendVariant<T extends OutboundType>(type: T) {
  const body = { [type]: MESSAGE_TYPE_OBJECT_SCHEMAS[type] } as { [K in T]: (typeof MESSAGE_TYPE_OBJECT_SCHEMAS)[K] };
  return Type.Object({ ...SendCommon, type: Type.Literal(type), ...body }, { additionalProperties: false, title: `Send ${type}` });
}

/**
 * `POST /api/v1/messages`: the Cloud API message body for one type, plus our channel id.
 * One source of truth: the per-type objects are the wire schemas of `@valeo/cloud-api`.
 */
export const SendMessageRequest = Type.Union(
  (Object.keys(MESSAGE_TYPE_OBJECT_SCHEMAS) as OutboundType[]).map((t) => sendVariant(t)) as TSchema[],
);
export type SendMessageRequest = { channelId: string; to: string; type: OutboundType; context?: { message_id: string } } & Record<string, unknown>;

export const SendMessageResponse = Type.Object({ id: Type.String(), status: MessageStatus });
export type SendMessageResponse = Static<typeof SendMessageResponse>;

export const MessageErrorInfo = Type.Object({
  code: Type.String(),
  message: Type.String(),
  vendorCode: Type.Optional(Type.Union([Type.Number(), Type.String()])),
  vendorTitle: Type.Optional(Type.String()),
  vendorDetails: Type.Optional(Type.String()),
});

/**
 * Our stored copy of a message's medium. Its bytes are at `GET /api/v1/media/{id}/content` once
 * `status` is `stored` (inbound, downloaded) or `uploaded` (outbound); `pending` is still being
 * downloaded (a `media.stored` live event follows), `failed`/`rejected` never will be.
 */
export const MessageMedia = Type.Object({
  id: Type.String(),
  status: Type.Union([
    Type.Literal('pending'), Type.Literal('stored'), Type.Literal('failed'), Type.Literal('rejected'), Type.Literal('uploaded'),
  ]),
  mimeType: Type.Union([Type.String(), Type.Null()]),
  fileName: Type.Union([Type.String(), Type.Null()]),
  size: Type.Union([Type.Integer(), Type.Null()]),
});
export type MessageMedia = Static<typeof MessageMedia>;

export const Message = Type.Object({
  id: Type.String(),
  channelId: Type.String(),
  conversationId: Type.String(),
  direction: Type.Union([Type.Literal('inbound'), Type.Literal('outbound')]),
  contactWaId: Type.String(),
  type: Type.String(),
  content: Type.Unknown(),
  status: MessageStatus,
  statuses: Type.Array(Type.Object({ status: MessageStatus, at: Type.String({ format: 'date-time' }) })),
  error: Type.Optional(MessageErrorInfo),
  wamid: Type.Union([Type.String(), Type.Null()]),
  replyToWamid: Type.Union([Type.String(), Type.Null()]),
  pricing: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  /** The stored medium of an image/video/audio/document/sticker message; null for other types or media sent by link. */
  media: Type.Union([MessageMedia, Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Message = Static<typeof Message>;

export const ListMessagesQuery = Type.Object(
  {
    channelId: Type.Optional(Type.String({ minLength: 1 })),
    contactWaId: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    direction: Type.Optional(Type.Union([Type.Literal('inbound'), Type.Literal('outbound')])),
    wamid: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 400 })),
  },
  { additionalProperties: false },
);
export type ListMessagesQuery = Static<typeof ListMessagesQuery>;

export function DataPage<T extends TSchema>(item: T) {
  return Type.Object({ data: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}
export type DataPage<T> = { data: T[]; nextCursor: string | null };

export const MessagePage = DataPage(Message);
