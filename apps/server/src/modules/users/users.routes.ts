import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { API_ERRORS, errorResponses } from '../../http/error-responses.js';
import { authOf, requireScope } from '../../http/plugins/auth.plugin.js';
import { CreateUserRequest, ListUsersQuery, toUserDto, UpdateUserRequest, User, UserIdParams, UserPage } from './users.schemas.js';
import type { UsersService } from './users.service.js';

const tags = ['users'];

/** Managing users is an admin function (BFLA, OWASP API5): every route requires `admin`. */
export function usersRoutes(service: UsersService): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const onRequest = requireScope('admin');

    r.get('/users', {
      onRequest,
      schema: { tags, summary: 'List the users of the tenant: oldest first, searchable by name or e-mail, filtered by role or status', querystring: ListUsersQuery, response: { 200: UserPage, ...errorResponses(...API_ERRORS) } },
    }, async (request) => {
      const page = await service.listUsers(authOf(request).tenantId, request.query);
      return { data: page.items.map(toUserDto), nextCursor: page.nextCursor };
    });

    r.post('/users', {
      onRequest,
      schema: { tags, summary: 'Create a user', body: CreateUserRequest, response: { 201: User, ...errorResponses(...API_ERRORS, 409) } },
    }, async (request, reply) => {
      const user = await service.createUser({ tenantId: authOf(request).tenantId, ...request.body });
      return reply.status(201).send(toUserDto(user));
    });

    r.patch('/users/:id', {
      onRequest,
      schema: {
        tags, summary: 'Rename, change the role, set a new password (signs the user out elsewhere), deactivate or reactivate',
        params: UserIdParams, body: UpdateUserRequest, response: { 200: User, ...errorResponses(...API_ERRORS, 404, 409) },
      },
    }, async (request) => {
      const auth = authOf(request);
      return toUserDto(await service.updateUser(auth.tenantId, request.params.id, request.body, { sessionId: auth.sessionId, userId: auth.userId }));
    });

    r.delete('/users/:id', {
      onRequest,
      schema: { tags, summary: 'Delete a user (and their sessions)', params: UserIdParams, response: { 204: Type.Null(), ...errorResponses(...API_ERRORS, 404, 409) } },
    }, async (request, reply) => {
      await service.deleteUser(authOf(request).tenantId, request.params.id);
      return reply.status(204).send(null);
    });
  };
}
