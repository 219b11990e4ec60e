import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ListConversationMessagesQuery, MessagePage } from '@valeo/contracts';
import { authOf, requireScope } from '../../http/plugins/auth.plugin.js';
import type { ConversationsService } from '../conversations/index.js';
import type { MessagesService } from './messages.service.js';

/** `GET /conversations/:id/messages` lives here: conversations sit left of messages in the module order. */
export function registerConversationMessagesRoute(app: FastifyInstance, deps: { service: MessagesService; conversations: ConversationsService }): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get('/conversations/:id/messages', {
    onRequest: requireScope('messages:read'),
    schema: {
      tags: ['conversations'],
      summary: "A conversation's messages, newest first",
      params: Type.Object({ id: Type.String() }),
      querystring: ListConversationMessagesQuery,
      response: { 200: MessagePage },
    },
  }, async (request) => {
    const { tenantId } = authOf(request);
    const conversation = await deps.conversations.get(tenantId, request.params.id);
    return deps.service.list({ tenantId, conversationId: conversation.id, limit: request.query.limit ?? 50, cursor: request.query.cursor });
  });
}
