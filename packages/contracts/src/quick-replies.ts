import { Type, type Static } from 'typebox';

/**
 * Quick replies (canned responses) of a tenant: the agent types `/` + shortcut in the composer and
 * the text is inserted. `GET /api/v1/quick-replies` for everyone who may read messages; creating,
 * editing and deleting needs the `quick-replies:manage` scope (admins and supervisors).
 */
export const QUICK_REPLY_SHORTCUT_PATTERN = '^[a-z0-9][a-z0-9_-]{0,31}$';
/** WhatsApp's limit for a text body: a quick reply must fit into one message. */
export const QUICK_REPLY_TEXT_MAX = 4096;
/** Bounded, so the composer can load all of them at once. */
export const QUICK_REPLIES_PER_TENANT_MAX = 500;

export const QuickReplyErrorCode = {
  QUICK_REPLY_NOT_FOUND: 'QUICK_REPLY_NOT_FOUND',
  QUICK_REPLY_SHORTCUT_TAKEN: 'QUICK_REPLY_SHORTCUT_TAKEN',
  QUICK_REPLY_LIMIT_REACHED: 'QUICK_REPLY_LIMIT_REACHED',
  QUICK_REPLY_TEXT_EMPTY: 'QUICK_REPLY_TEXT_EMPTY',
} as const;

const Shortcut = Type.String({
  pattern: QUICK_REPLY_SHORTCUT_PATTERN,
  description: 'Lowercase letters, digits, "_" and "-", 1–32 characters, starting with a letter or digit; unique per tenant.',
});
const Text = Type.String({ minLength: 1, maxLength: QUICK_REPLY_TEXT_MAX });

export const QuickReply = Type.Object({
  id: Type.String(),
  shortcut: Type.String(),
  text: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type QuickReply = Static<typeof QuickReply>;

export const QuickReplyList = Type.Object({ data: Type.Array(QuickReply) });
export type QuickReplyList = Static<typeof QuickReplyList>;

export const CreateQuickReplyRequest = Type.Object({ shortcut: Shortcut, text: Text }, { additionalProperties: false });
export type CreateQuickReplyRequest = Static<typeof CreateQuickReplyRequest>;

export const UpdateQuickReplyRequest = Type.Object(
  { shortcut: Type.Optional(Shortcut), text: Type.Optional(Text) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateQuickReplyRequest = Static<typeof UpdateQuickReplyRequest>;

export const QuickReplyIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export type QuickReplyIdParams = Static<typeof QuickReplyIdParams>;
