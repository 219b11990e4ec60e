import type { Db, DbExecutor } from '../../db/database.js';
import { notFound } from '../../core/errors/app-error.js';
import { listConversations, type ConversationCursor, type ConversationListFilter } from './conversation-list-query.js';
import { teamNames } from './conversation-teams.repository.js';
import { findConversation, findConversationByContact, touchConversation, type Conversation, type TouchConversationInput } from './conversations.repository.js';

export type ConversationsService = ReturnType<typeof createConversationsService>;

/** One thread per (channel, contact); tracks the 24-hour customer-service window. */
export function createConversationsService(db: Db) {
  return {
    /** Records a message in the thread (creating it on first traffic). Pass `executor` to join a transaction. */
    touch: (input: TouchConversationInput, executor: DbExecutor = db): Promise<Conversation> => touchConversation(executor, input),
    findByContact: (channelId: string, contactId: string, executor: DbExecutor = db) =>
      findConversationByContact(executor, channelId, contactId),
    async get(tenantId: string, id: string): Promise<Conversation> {
      const conversation = await findConversation(db, tenantId, id);
      if (!conversation) throw notFound('CONVERSATION_NOT_FOUND', `Conversation ${id} not found`);
      return conversation;
    },
    /** Names of the tenant's teams by id, for the conversation views. */
    teamNames: (tenantId: string, ids: readonly string[]) => teamNames(db, tenantId, ids),
    list: (filter: ConversationListFilter, page: { limit: number; after?: ConversationCursor | undefined }) => listConversations(db, filter, page),
  };
}
