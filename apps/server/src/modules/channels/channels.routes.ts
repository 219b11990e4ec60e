import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { API_ERRORS, errorResponses } from '../../http/error-responses.js';
import { authOf, requireScope } from '../../http/plugins/auth.plugin.js';
import type { ChannelsService } from './channels.service.js';
import { Channel, ChannelIdParams, CreateChannelRequest, Page, PageQuery, UpdateChannelRequest, toChannelDto } from './channels.schemas.js';

const tags = ['channels'];

/** /api/v1/channels: reads need `channels:read`, changes `channels:manage`. */
export function channelsRoutes(service: ChannelsService): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const canRead = requireScope('channels:read');
    const canManage = requireScope('channels:manage');

    r.post('/channels', {
      onRequest: canManage,
      schema: { tags, summary: 'Connect a phone number', body: CreateChannelRequest, response: { 201: Channel, ...errorResponses(...API_ERRORS, 409) } },
    }, async (request, reply) => {
      const channel = await service.createChannel({ ...request.body, tenantId: authOf(request).tenantId });
      return reply.status(201).send(toChannelDto(channel));
    });

    r.get('/channels', {
      onRequest: canRead,
      schema: { tags, summary: 'List channels', querystring: PageQuery, response: { 200: Page(Channel), ...errorResponses(...API_ERRORS) } },
    }, async (request) => {
      const page = await service.listChannels(authOf(request).tenantId, request.query);
      return { data: page.items.map(toChannelDto), nextCursor: page.nextCursor };
    });

    r.get('/channels/:id', {
      onRequest: canRead,
      schema: { tags, summary: 'Get a channel', params: ChannelIdParams, response: { 200: Channel, ...errorResponses(...API_ERRORS, 404) } },
    }, async (request) => toChannelDto(await service.getChannel(authOf(request).tenantId, request.params.id)));

    r.patch('/channels/:id', {
      onRequest: canManage,
      schema: {
        tags, summary: 'Change a channel (name, credentials, base URL, version)', params: ChannelIdParams, body: UpdateChannelRequest,
        response: { 200: Channel, ...errorResponses(...API_ERRORS, 404) },
      },
    }, async (request) => toChannelDto(await service.updateChannel(authOf(request).tenantId, request.params.id, request.body)));

    r.delete('/channels/:id', {
      onRequest: canManage,
      schema: { tags, summary: 'Delete a channel', params: ChannelIdParams, response: { 204: Type.Null(), ...errorResponses(...API_ERRORS, 404) } },
    }, async (request, reply) => {
      await service.deleteChannel(authOf(request).tenantId, request.params.id);
      return reply.status(204).send(null);
    });
  };
}
