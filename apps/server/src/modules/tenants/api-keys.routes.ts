import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { API_ERRORS, errorResponses } from '../../http/error-responses.js';
import { authOf, requireScope } from '../../http/plugins/auth.plugin.js';
import type { ApiKeysService } from './api-keys.service.js';
import { ApiKey, ApiKeyIdParams, CreateApiKeyRequest, CreatedApiKey, Page, PageQuery, toApiKeyDto } from './api-keys.schemas.js';

const tags = ['api-keys'];

/** Managing API keys is an admin function (BFLA, OWASP API5): every route requires `admin`. */
export function apiKeysRoutes(service: ApiKeysService): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const onRequest = requireScope('admin');

    r.post('/api-keys', {
      onRequest,
      schema: { tags, summary: 'Create an API key (the key is shown once)', body: CreateApiKeyRequest, response: { 201: CreatedApiKey, ...errorResponses(...API_ERRORS) } },
    }, async (request, reply) => {
      const { apiKey, key } = await service.createApiKey({ tenantId: authOf(request).tenantId, ...request.body });
      return reply.status(201).send({ ...toApiKeyDto(apiKey), key });
    });

    r.get('/api-keys', {
      onRequest,
      schema: { tags, summary: 'List API keys (never their secrets)', querystring: PageQuery, response: { 200: Page(ApiKey), ...errorResponses(...API_ERRORS) } },
    }, async (request) => {
      const page = await service.listApiKeys(authOf(request).tenantId, request.query);
      return { data: page.items.map(toApiKeyDto), nextCursor: page.nextCursor };
    });

    r.delete('/api-keys/:id', {
      onRequest,
      schema: { tags, summary: 'Revoke an API key', params: ApiKeyIdParams, response: { 204: Type.Null(), ...errorResponses(...API_ERRORS, 404) } },
    }, async (request, reply) => {
      await service.revokeApiKey(authOf(request).tenantId, request.params.id);
      return reply.status(204).send(null);
    });
  };
}
