export { createConversationsService, type ConversationsService } from './conversations.service.js';
export type { Conversation, TouchConversationInput } from './conversations.repository.js';
export type { ConversationCursor, ConversationListFilter, AssigneeFilter } from './conversation-list-query.js';
export { canSendMessageType, isWindowOpen, SERVICE_WINDOW_MS, windowExpiresAt } from './service-window.js';
export { registerConversationsRoutes } from './conversations.routes.js';
export { createConversationWorkModule, type ConversationWorkModule, type ConversationWorkModuleDeps } from './conversation-work.module.js';
export type { Presence, TeamDirectory } from './team.js';
