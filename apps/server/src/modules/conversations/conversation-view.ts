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

export function toConversationView(conversation: Conversation, contact: Contact, now: Date) {
  return {
    id: conversation.id,
    channelId: conversation.channelId,
    contact: toContactView(contact),
    status: conversation.status,
    unreadCount: conversation.unreadCount,
    lastMessageAt: conversation.lastMessageAt?.toISOString() ?? null,
    lastMessagePreview: conversation.lastMessagePreview,
    windowExpiresAt: conversation.windowExpiresAt?.toISOString() ?? null,
    windowOpen: isWindowOpen(conversation.windowExpiresAt, now),
    createdAt: conversation.createdAt.toISOString(),
  };
}
