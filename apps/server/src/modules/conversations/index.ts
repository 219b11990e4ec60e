export { createConversationsService, type ConversationsService } from './conversations.service.js';
export type { Conversation, ConversationCursor, TouchConversationInput } from './conversations.repository.js';
export { canSendMessageType, isWindowOpen, SERVICE_WINDOW_MS, windowExpiresAt } from './service-window.js';
export { registerConversationsRoutes } from './conversations.routes.js';
