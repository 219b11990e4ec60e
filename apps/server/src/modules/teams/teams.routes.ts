import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CreateTeamRequest, Team, TeamIdParams, TeamList, TeamMemberParams, UpdateTeamRequest } from '@valeo/contracts';
import { API_ERRORS, errorResponses } from '../../http/error-responses.js';
import { authOf, requireScope } from '../../http/plugins/auth.plugin.js';
import type { TeamsService } from './teams.service.js';

const tags = ['teams'];

/** `/teams`: everyone reads; admins and supervisors (`teams:manage`) manage. Another tenant's team is a 404. */
export function teamsRoutes(service: TeamsService): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const manage = requireScope('teams:manage');
    const read = requireScope('messages:read');
    const one = { 200: Team, ...errorResponses(...API_ERRORS, 404) };

    r.get('/teams', {
      onRequest: read,
      schema: { tags, summary: 'Teams of the tenant with their members, by name', response: { 200: TeamList, ...errorResponses(...API_ERRORS) } },
    }, async (request) => ({ data: await service.list(authOf(request).tenantId) }));

    r.get('/teams/:id', {
      onRequest: read,
      schema: { tags, summary: 'One team', params: TeamIdParams, response: one },
    }, async (request) => service.get(authOf(request).tenantId, request.params.id));

    r.post('/teams', {
      onRequest: manage,
      schema: { tags, summary: 'Create a team (optionally with members)', body: CreateTeamRequest, response: { 201: Team, ...errorResponses(...API_ERRORS, 409, 422) } },
    }, async (request, reply) => reply.status(201).send(await service.create(authOf(request).tenantId, request.body)));

    r.patch('/teams/:id', {
      onRequest: manage,
      schema: { tags, summary: 'Rename a team', params: TeamIdParams, body: UpdateTeamRequest, response: { ...one, ...errorResponses(409) } },
    }, async (request) => service.rename(authOf(request).tenantId, request.params.id, request.body.name));

    r.delete('/teams/:id', {
      onRequest: manage,
      schema: { tags, summary: 'Delete a team (its conversations keep their assignee and have no team)', params: TeamIdParams, response: { 204: Type.Null(), ...errorResponses(...API_ERRORS, 404) } },
    }, async (request, reply) => {
      await service.remove(authOf(request).tenantId, request.params.id);
      return reply.status(204).send(null);
    });

    r.put('/teams/:id/members/:userId', {
      onRequest: manage,
      schema: { tags, summary: 'Add a member (idempotent)', params: TeamMemberParams, response: one },
    }, async (request) => service.addMember(authOf(request).tenantId, request.params.id, request.params.userId));

    r.delete('/teams/:id/members/:userId', {
      onRequest: manage,
      schema: { tags, summary: 'Remove a member (idempotent)', params: TeamMemberParams, response: one },
    }, async (request) => service.removeMember(authOf(request).tenantId, request.params.id, request.params.userId));
  };
}
