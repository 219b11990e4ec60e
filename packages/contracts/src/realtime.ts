import { Type, type Static } from 'typebox';

/**
 * `GET /api/v1/events`: Server-Sent Events (`text/event-stream`) for the caller's tenant only,
 * authenticated like every /api/v1 route (session cookie — `EventSource` sends it — or API key).
 *
 * - The stream opens with `retry: 2000` (browsers reconnect 2 s after a drop).
 * - A comment line (`: heartbeat`) every 15 s keeps proxies from closing an idle stream.
 * - Each event: `event: <name>` + `data: <JSON payload>`; names below.
 * - No event ids and no `Last-Event-ID` replay: after every (re)connect — the `open` event of
 *   `EventSource` — the client refetches what it shows, then applies live events on top.
 * - The data carries ids and states, not message content: fetch the message, conversation, contact
 *   or team by id through the normal API (which applies the caller's rights).
 */
export const REALTIME_EVENTS_PATH = '/api/v1/events';
export const REALTIME_RETRY_MS = 2000;
export const REALTIME_HEARTBEAT_MS = 15_000;

export const REALTIME_EVENT_NAMES = [
  'message.received', 'message.status-changed', 'message.queued', 'conversation.updated', 'media.stored', 'contact.updated', 'team.updated',
  'label.updated',
] as const;
export type RealtimeEventName = (typeof REALTIME_EVENT_NAMES)[number];

export const MessageReceivedEvent = Type.Object({
  tenantId: Type.String(),
  channelId: Type.String(),
  conversationId: Type.String(),
  messageId: Type.String(),
  contactWaId: Type.String(),
  type: Type.String({ description: 'Message type, e.g. text, image, interactive.' }),
});
export type MessageReceivedEvent = Static<typeof MessageReceivedEvent>;

export const MessageQueuedEvent = Type.Object({
  tenantId: Type.String(),
  channelId: Type.String(),
  conversationId: Type.String(),
  messageId: Type.String(),
});
export type MessageQueuedEvent = Static<typeof MessageQueuedEvent>;

export const MessageStatusChangedEvent = Type.Object({
  tenantId: Type.String(),
  channelId: Type.String(),
  conversationId: Type.String(),
  messageId: Type.String(),
  status: Type.String({ description: 'New MessageStatus, e.g. sent, delivered, read, failed.' }),
  previousStatus: Type.String(),
});
export type MessageStatusChangedEvent = Static<typeof MessageStatusChangedEvent>;

/** Assigned (or unassigned), closed, reopened or read: refetch the conversation to see its state. */
export const ConversationUpdatedEvent = Type.Object({
  tenantId: Type.String(),
  conversationId: Type.String(),
  channelId: Type.String(),
  /** `labels`: a label was attached or detached; `note`: a private note was added; `team`: moved to another team or out of one. */
  change: Type.Union([Type.Literal('assigned'), Type.Literal('closed'), Type.Literal('reopened'), Type.Literal('read'), Type.Literal('labels'), Type.Literal('note'), Type.Literal('team')]),
});
export type ConversationUpdatedEvent = Static<typeof ConversationUpdatedEvent>;

/** An inbound message's medium was downloaded: refetch the message, its image can now be shown. */
export const MediaStoredEvent = Type.Object({
  tenantId: Type.String(),
  conversationId: Type.String(),
  messageId: Type.String(),
  mediaId: Type.String(),
});
export type MediaStoredEvent = Static<typeof MediaStoredEvent>;

/**
 * A contact's labels or its side-panel profile changed: refetch the contact. `labels`: a label was
 * attached or detached; `profile`: the ERP customer id, attributes or consent were edited. (The name
 * is WhatsApp's profile name; it changes only with an inbound message, which is `message.received`.)
 */
export const ContactUpdatedEvent = Type.Object({
  tenantId: Type.String(),
  contactId: Type.String(),
  change: Type.Union([Type.Literal('labels'), Type.Literal('profile')]),
});
export type ContactUpdatedEvent = Static<typeof ContactUpdatedEvent>;
export type ContactChange = ContactUpdatedEvent['change'];

/**
 * A team was created, renamed or deleted, or its members changed: refetch the teams, and the
 * conversations (they show team names; a deleted team leaves its conversations without one; `team=mine`
 * follows membership).
 */
export const TeamUpdatedEvent = Type.Object({
  tenantId: Type.String(),
  teamId: Type.String(),
  change: Type.Union([Type.Literal('created'), Type.Literal('renamed'), Type.Literal('deleted'), Type.Literal('members')]),
});
export type TeamUpdatedEvent = Static<typeof TeamUpdatedEvent>;
export type TeamChange = TeamUpdatedEvent['change'];

/**
 * A label of the tenant was created, renamed/recoloured or deleted: refetch the labels, and (unless
 * created: nothing carries it yet) what shows them — conversation chips and filters, the contact panel.
 * One event per label rather than a `conversation.updated`/`contact.updated` per carrier: a label can
 * be on thousands of them, and deleting it detaches it from all at once.
 */
export const LabelUpdatedEvent = Type.Object({
  tenantId: Type.String(),
  labelId: Type.String(),
  change: Type.Union([Type.Literal('created'), Type.Literal('updated'), Type.Literal('deleted')]),
});
export type LabelUpdatedEvent = Static<typeof LabelUpdatedEvent>;
export type LabelChange = LabelUpdatedEvent['change'];

/** `data` of each SSE event, by event name. */
export type RealtimeEventMap = {
  'message.received': MessageReceivedEvent;
  'message.queued': MessageQueuedEvent;
  'message.status-changed': MessageStatusChangedEvent;
  'conversation.updated': ConversationUpdatedEvent;
  'media.stored': MediaStoredEvent;
  'contact.updated': ContactUpdatedEvent;
  'team.updated': TeamUpdatedEvent;
  'label.updated': LabelUpdatedEvent;
};

export const REALTIME_EVENT_SCHEMAS = {
  'message.received': MessageReceivedEvent,
  'message.queued': MessageQueuedEvent,
  'message.status-changed': MessageStatusChangedEvent,
  'conversation.updated': ConversationUpdatedEvent,
  'media.stored': MediaStoredEvent,
  'contact.updated': ContactUpdatedEvent,
  'team.updated': TeamUpdatedEvent,
  'label.updated': LabelUpdatedEvent,
} as const;

/** A parsed SSE event as a client sees it. */
export type RealtimeEvent = { [N in RealtimeEventName]: { name: N; data: RealtimeEventMap[N] } }[RealtimeEventName];
