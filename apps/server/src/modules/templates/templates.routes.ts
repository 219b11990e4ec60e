import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ChannelTemplateList, ChannelTemplatesQuery } from '@valeo/contracts';
import { API_ERRORS, errorResponses } from '../../http/error-responses.js';
import { authOf, requireScope } from '../../http/plugins/auth.plugin.js';
import type { TemplatesService } from './templates.service.js';

/** `GET /channels/:id/templates`: whoever may send picks a template (the closed 24-hour window path). */
export function templatesRoutes(service: TemplatesService): FastifyPluginAsync {
  return async (app) => {
    app.withTypeProvider<TypeBoxTypeProvider>().get('/channels/:id/templates', {
      onRequest: requireScope('messages:send'),
      schema: {
        tags: ['templates'],
        summary: "The channel's message templates, from the provider",
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        querystring: ChannelTemplatesQuery,
        response: { 200: ChannelTemplateList, ...errorResponses(...API_ERRORS, 404) },
      },
    }, async (request) => ({
      data: await service.listForChannel(authOf(request).tenantId, request.params.id, { status: request.query.status }),
    }));
  };
}
