import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ContactPage, Conversation, ConversationPage, ListContactsQuery, ListConversationsQuery } from '@valeo/contracts';
import type { Clock } from '../../core/clock.js';
import { decodeCursor, encodeCursor } from '../../core/pagination-cursor.js';
import { authOf, requireScope } from '../../http/plugins/auth.plugin.js';
import type { ContactsService } from '../contacts/index.js';
import type { ConversationsService } from './conversations.service.js';
import { toContactView } from './conversation-view.js';
import { parseAssigneeFilter, parseTeamFilter } from './conversation-list-query.js';
import { presentConversation, presentConversations, type ConversationLabels } from './present-conversations.js';
import type { TeamDirectory } from './team.js';
import type { DialectName } from '../../db/database.js';
import { searchTerms } from './search-terms.js';

type Deps = { conversations: ConversationsService; contacts: ContactsService; team: TeamDirectory; labels: ConversationLabels; clock: Clock; dialect: DialectName };

/** `/conversations` and `/contacts` (read side; both are created from traffic). */
export function registerConversationsRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const present = { contacts: deps.contacts, team: deps.team, labels: deps.labels, teams: deps.conversations.teamNames, now: () => deps.clock.now() };

  r.get('/conversations', {
    onRequest: requireScope('messages:read'),
    schema: { tags: ['conversations'], summary: 'Conversations, most recent activity first; filter by assignee (me | unassigned | user id), team (mine | none | team id), status, channel, label; search with q', querystring: ListConversationsQuery, response: { 200: ConversationPage } },
  }, async (request) => {
    const { tenantId, userId } = authOf(request);
    const { query } = request;
    const limit = query.limit ?? 50;
    // A q without any word (only quotes, stars, …) searches nothing, like an empty box.
    const terms = searchTerms(query.q ?? '');
    const rows = await deps.conversations.list(
      {
        tenantId, channelId: query.channelId, status: query.status, assignee: parseAssigneeFilter(query.assignee, userId), team: parseTeamFilter(query.team, userId), label: query.label,
        search: terms.length > 0 ? { terms, dialect: deps.dialect } : undefined,
      },
      { limit: limit + 1, after: decodeCursor(query.cursor, ['lastMessageAt', 'id']) },
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      data: await presentConversations(present, tenantId, page),
      nextCursor: rows.length > limit && last?.lastMessageAt ? encodeCursor({ lastMessageAt: last.lastMessageAt.toISOString(), id: last.id }) : null,
    };
  });

  r.get('/conversations/:id', {
    onRequest: requireScope('messages:read'),
    schema: { tags: ['conversations'], summary: 'One conversation', params: Type.Object({ id: Type.String() }), response: { 200: Conversation } },
  }, async (request) => {
    const conversation = await deps.conversations.get(authOf(request).tenantId, request.params.id);
    return presentConversation(present, conversation);
  });

  r.get('/contacts', {
    onRequest: requireScope('messages:read'),
    schema: { tags: ['contacts'], summary: 'Contacts, newest first', querystring: ListContactsQuery, response: { 200: ContactPage } },
  }, async (request) => {
    const limit = request.query.limit ?? 50;
    const rows = await deps.contacts.list({
      tenantId: authOf(request).tenantId,
      limit: limit + 1,
      beforeId: decodeCursor(request.query.cursor, ['id'])?.id,
      search: request.query.search,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { data: page.map(toContactView), nextCursor: rows.length > limit && last ? encodeCursor({ id: last.id }) : null };
  });
}
