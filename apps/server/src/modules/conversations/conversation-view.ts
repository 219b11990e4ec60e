import type { ConversationAssignee } from '@valeo/contracts';
import type { Contact } from '../contacts/index.js';
import type { Conversation } from './conversations.repository.js';
import { isWindowOpen } from './service-window.js';

export type ContactView = { id: string; waId: string; profileName: string | null; lastInboundAt: string | null; createdAt: string };

export function toContactView(contact: Contact): ContactView {
  return {
    id: contact.id,
    waId: contact.waId,
    profileName: contact.profileName,
    lastInboundAt: contact.lastInboundAt?.toISOString() ?? null,
    createdAt: contact.createdAt.toISOString(),
  };
}

/** The assignee's name comes from the users directory; a user deleted meanwhile shows as unassigned. */
export function toConversationView(conversation: Conversation, contact: Contact, now: Date, assignee: ConversationAssignee | null = null) {
  return {
    id: conversation.id,
    channelId: conversation.channelId,
    contact: toContactView(contact),
    status: conversation.status,
    assignee: conversation.assigneeUserId && assignee?.id === conversation.assigneeUserId ? { id: assignee.id, name: assignee.name } : null,
    unreadCount: conversation.unreadCount,
    lastMessageAt: conversation.lastMessageAt?.toISOString() ?? null,
    lastMessagePreview: conversation.lastMessagePreview,
    windowExpiresAt: conversation.windowExpiresAt?.toISOString() ?? null,
    windowOpen: isWindowOpen(conversation.windowExpiresAt, now),
    createdAt: conversation.createdAt.toISOString(),
  };
}
