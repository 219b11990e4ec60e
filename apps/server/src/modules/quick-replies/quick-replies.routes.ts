import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CreateQuickReplyRequest, QuickReply, QuickReplyIdParams, QuickReplyList, UpdateQuickReplyRequest, type QuickReply as QuickReplyDto,
} from '@valeo/contracts';
import { API_ERRORS, errorResponses } from '../../http/error-responses.js';
import { authOf, requireScope } from '../../http/plugins/auth.plugin.js';
import type { QuickReplyRecord } from './quick-replies.repository.js';
import type { QuickRepliesService } from './quick-replies.service.js';

const tags = ['quick-replies'];

/** `/quick-replies`: everyone who reads messages lists them; `quick-replies:manage` (admin, supervisor) changes them. */
export function quickRepliesRoutes(service: QuickRepliesService): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const manage = requireScope('quick-replies:manage');

    r.get('/quick-replies', {
      onRequest: requireScope('messages:read'),
      schema: { tags, summary: "The tenant's quick replies, by shortcut", response: { 200: QuickReplyList, ...errorResponses(...API_ERRORS) } },
    }, async (request) => ({ data: (await service.list(authOf(request).tenantId)).map(toDto) }));

    r.post('/quick-replies', {
      onRequest: manage,
      schema: { tags, summary: 'Create a quick reply', body: CreateQuickReplyRequest, response: { 201: QuickReply, ...errorResponses(...API_ERRORS, 409) } },
    }, async (request, reply) => reply.status(201).send(toDto(await service.create(authOf(request).tenantId, request.body))));

    r.patch('/quick-replies/:id', {
      onRequest: manage,
      schema: {
        tags, summary: 'Change the shortcut and/or text', params: QuickReplyIdParams, body: UpdateQuickReplyRequest,
        response: { 200: QuickReply, ...errorResponses(...API_ERRORS, 404, 409) },
      },
    }, async (request) => toDto(await service.update(authOf(request).tenantId, request.params.id, request.body)));

    r.delete('/quick-replies/:id', {
      onRequest: manage,
      schema: { tags, summary: 'Delete a quick reply', params: QuickReplyIdParams, response: { 204: Type.Null(), ...errorResponses(...API_ERRORS, 404) } },
    }, async (request, reply) => {
      await service.remove(authOf(request).tenantId, request.params.id);
      return reply.status(204).send(null);
    });
  };
}

function toDto(record: QuickReplyRecord): QuickReplyDto {
  return { id: record.id, shortcut: record.shortcut, text: record.text, createdAt: record.createdAt.toISOString(), updatedAt: record.updatedAt.toISOString() };
}
