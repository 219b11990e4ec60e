import type { MessageMediaView } from './messages.deps.js';
import type { MessageRecord } from './messages.repository.js';
import type { MessageError, MessageStatus } from './messages.types.js';

/** The public shape of a message (GET /api/v1/messages/:id and lists). */
export type MessageView = {
  id: string;
  channelId: string;
  conversationId: string;
  direction: 'inbound' | 'outbound';
  contactWaId: string;
  type: string;
  content: unknown;
  status: MessageStatus;
  statuses: { status: MessageStatus; at: string }[];
  error?: MessageError;
  wamid: string | null;
  replyToWamid: string | null;
  pricing?: Record<string, unknown>;
  media: MessageMediaView | null;
  createdAt: string;
  updatedAt: string;
};

/** Message types whose content carries a medium (`id` of an upload, or `link`). */
export const MEDIA_MESSAGE_TYPES: readonly string[] = ['image', 'video', 'audio', 'document', 'sticker'];

export function toMessageView(
  message: MessageRecord,
  history: { status: MessageStatus; at: Date }[],
  media: MessageMediaView | null = null,
): MessageView {
  return {
    id: message.id,
    channelId: message.channelId,
    conversationId: message.conversationId,
    direction: message.direction,
    contactWaId: message.contactWaId,
    type: message.type,
    content: message.type === 'contacts' ? unwrapContacts(message.content) : message.content,
    status: message.status,
    statuses: history.map((h) => ({ status: h.status, at: h.at.toISOString() })),
    ...(message.error ? { error: message.error } : {}),
    wamid: message.wamid,
    replyToWamid: message.replyToWamid,
    ...(message.pricing ? { pricing: message.pricing } : {}),
    media,
    createdAt: message.createdAt.toISOString(),
    updatedAt: message.updatedAt.toISOString(),
  };
}

/** Contact cards are stored as `{ contacts: [...] }` (the provider port takes objects); show the array. */
function unwrapContacts(content: Record<string, unknown>): unknown {
  return Array.isArray(content['contacts']) ? content['contacts'] : content;
}
