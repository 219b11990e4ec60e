import { Type, type Static } from 'typebox';
import { DataPage } from './messages.js';
import { Label } from './labels.js';
import { ConversationTeam } from './teams.js';

export const Contact = Type.Object({
  id: Type.String(),
  waId: Type.String(),
  profileName: Type.Union([Type.String(), Type.Null()]),
  lastInboundAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Contact = Static<typeof Contact>;
export const ContactPage = DataPage(Contact);

export const ListContactsQuery = Type.Object(
  {
    search: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 400 })),
  },
  { additionalProperties: false },
);

/** The user a conversation is assigned to. */
export const ConversationAssignee = Type.Object({ id: Type.String(), name: Type.String() });
export type ConversationAssignee = Static<typeof ConversationAssignee>;

export const CONVERSATION_STATUSES = ['open', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
export const ConversationStatusSchema = Type.Union([Type.Literal('open'), Type.Literal('closed')]);

export const Conversation = Type.Object({
  id: Type.String(),
  channelId: Type.String(),
  contact: Contact,
  status: ConversationStatusSchema,
  /** null = unassigned. */
  assignee: Type.Union([ConversationAssignee, Type.Null()]),
  /** null = no team. Independent of the assignee (who need not be a member). */
  team: Type.Union([ConversationTeam, Type.Null()]),
  /** Labels attached to the conversation, by name. */
  labels: Type.Array(Label),
  unreadCount: Type.Integer(),
  lastMessageAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastMessagePreview: Type.Union([Type.String(), Type.Null()]),
  /** While in the future, free-form messages may be sent; afterwards only templates. */
  windowExpiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  windowOpen: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Conversation = Static<typeof Conversation>;
export const ConversationPage = DataPage(Conversation);

/**
 * `assignee`: `me` (the signed-in user; 400 for an API key), `unassigned`, or a user id.
 * Filters combine with AND; the order and the cursor stay the same for every combination.
 */
export const ListConversationsQuery = Type.Object(
  {
    channelId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    status: Type.Optional(ConversationStatusSchema),
    assignee: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'me | unassigned | <user id>' })),
    /** `mine` (teams the signed-in user belongs to; 400 for an API key), `none`, or a team id. */
    team: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'mine | none | <team id>' })),
    /** Conversations carrying this label id. */
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /**
     * Words (prefixes, all required) in a message's text or caption, or in the contact's name or number.
     * Only letters and digits count; other characters separate words.
     */
    q: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 400 })),
  },
  { additionalProperties: false },
);
export type ListConversationsQuery = Static<typeof ListConversationsQuery>;

export const ListConversationMessagesQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 400 })),
  },
  { additionalProperties: false },
);
