import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AssignConversationRequest, AssigneeList, AutoAssignment, Conversation, ListAssigneesQuery, SetConversationTeamRequest, UpdateAutoAssignmentRequest } from '@valeo/contracts';
import { API_ERRORS, errorResponses } from '../../http/error-responses.js';
import { authOf, requireScope } from '../../http/plugins/auth.plugin.js';
import type { AutoAssignmentSettings } from './auto-assignment-settings.js';
import type { ConversationWorkService } from './conversation-work.service.js';
import { listAssignees } from './list-assignees.js';
import { presentConversation, type PresentDeps } from './present-conversations.js';
import type { Presence, TeamDirectory } from './team.js';

export type ConversationWorkRoutesDeps = {
  work: ConversationWorkService;
  settings: AutoAssignmentSettings;
  team: TeamDirectory;
  presence: Presence;
  present: PresentDeps;
};

const tags = ['conversations'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const changed = { 200: Conversation, ...errorResponses(...API_ERRORS, 404) };

/** Assignment, team, close/reopen, read, the assignee list and the per-channel auto-assignment switch. */
export function conversationWorkRoutes(deps: ConversationWorkRoutesDeps): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const canWork = requireScope('messages:send');
    const caller = (request: Parameters<typeof authOf>[0]) => {
      const { tenantId, userId } = authOf(request);
      return { tenantId, userId };
    };

    r.post('/conversations/:id/assignment', {
      onRequest: canWork,
      schema: { tags, summary: 'Assign to a user, or unassign (userId: null)', params: IdParams, body: AssignConversationRequest, response: changed },
    }, async (request) => presentConversation(deps.present, await deps.work.assign(caller(request), request.params.id, request.body.userId)));

    r.post('/conversations/:id/team', {
      onRequest: canWork,
      schema: { tags, summary: 'Move to a team of the tenant, or out of any (teamId: null); the assignee stays', params: IdParams, body: SetConversationTeamRequest, response: changed },
    }, async (request) => presentConversation(deps.present, await deps.work.setTeam(caller(request), request.params.id, request.body.teamId)));

    r.post('/conversations/:id/close', {
      onRequest: canWork,
      schema: { tags, summary: 'Close (idempotent; a new inbound message reopens it)', params: IdParams, response: changed },
    }, async (request) => presentConversation(deps.present, await deps.work.close(caller(request), request.params.id)));

    r.post('/conversations/:id/reopen', {
      onRequest: canWork,
      schema: { tags, summary: 'Reopen (idempotent)', params: IdParams, response: changed },
    }, async (request) => presentConversation(deps.present, await deps.work.reopen(caller(request), request.params.id)));

    r.post('/conversations/:id/read', {
      onRequest: canWork,
      schema: { tags, summary: 'Mark as read: unreadCount → 0', params: IdParams, response: changed },
    }, async (request) => presentConversation(deps.present, await deps.work.markRead(caller(request), request.params.id)));

    r.get('/assignees', {
      onRequest: requireScope('messages:read'),
      schema: {
        tags, summary: 'Users a conversation can be assigned to, by name, and who is online; searchable, paged with `limit`',
        querystring: ListAssigneesQuery, response: { 200: AssigneeList, ...errorResponses(...API_ERRORS) },
      },
    }, async (request) => listAssignees(deps, authOf(request).tenantId, request.query));

    r.get('/channels/:id/auto-assignment', {
      onRequest: requireScope('channels:read'),
      schema: { tags, summary: 'Whether new conversations of the channel are assigned round-robin to online agents', params: IdParams, response: { 200: AutoAssignment, ...errorResponses(...API_ERRORS, 404) } },
    }, async (request) => deps.settings.get(authOf(request).tenantId, request.params.id));

    r.put('/channels/:id/auto-assignment', {
      onRequest: requireScope('channels:manage'),
      schema: { tags, summary: 'Switch auto-assignment of the channel on or off; set its default team', params: IdParams, body: UpdateAutoAssignmentRequest, response: { 200: AutoAssignment, ...errorResponses(...API_ERRORS, 404) } },
    }, async (request) => deps.settings.set(authOf(request).tenantId, request.params.id, request.body));
  };
}
