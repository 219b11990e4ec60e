import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CreateLabelRequest, Label, LabelIdParams, LabelList, LabelTargetParams, UpdateLabelRequest } from '@valeo/contracts';
import { API_ERRORS, errorResponses } from '../../http/error-responses.js';
import { authOf, requireScope } from '../../http/plugins/auth.plugin.js';
import { toLabelDto } from './label-view.js';
import type { LabelTarget } from './labels.repository.js';
import type { LabelsService } from './labels.service.js';

/** Resolves a conversation or contact of the tenant, or throws its 404. */
export type TargetLookup = Record<LabelTarget, (tenantId: string, id: string) => Promise<unknown>>;

/**
 * Tells the inbox that a conversation's or contact's labels changed (the live `conversation.updated`
 * or `contact.updated`). Called after the attachment was written, never for a refused one.
 */
export type LabelsChanged = (target: LabelTarget, tenantId: string, targetId: string) => void;

const tags = ['labels'];

/**
 * `/labels` (managed by admins and supervisors: `labels:manage`) and attaching labels to conversations and
 * contacts (agents: `messages:send`). Another tenant's label, conversation or contact is a 404.
 */
export function labelsRoutes(service: LabelsService, targets: TargetLookup, changed: LabelsChanged): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const manage = requireScope('labels:manage');

    r.get('/labels', {
      onRequest: requireScope('messages:read'),
      schema: { tags, summary: 'Labels of the tenant, by name', response: { 200: LabelList, ...errorResponses(...API_ERRORS) } },
    }, async (request) => ({ data: (await service.list(authOf(request).tenantId)).map(toLabelDto) }));

    r.post('/labels', {
      onRequest: manage,
      schema: { tags, summary: 'Create a label', body: CreateLabelRequest, response: { 201: Label, ...errorResponses(...API_ERRORS, 409, 422) } },
    }, async (request, reply) => reply.status(201).send(toLabelDto(await service.create(authOf(request).tenantId, request.body))));

    r.patch('/labels/:id', {
      onRequest: manage,
      schema: { tags, summary: 'Rename or recolour a label', params: LabelIdParams, body: UpdateLabelRequest, response: { 200: Label, ...errorResponses(...API_ERRORS, 404, 409) } },
    }, async (request) => toLabelDto(await service.update(authOf(request).tenantId, request.params.id, request.body)));

    r.delete('/labels/:id', {
      onRequest: manage,
      schema: { tags, summary: 'Delete a label (detaches it everywhere)', params: LabelIdParams, response: { 204: Type.Null(), ...errorResponses(...API_ERRORS, 404) } },
    }, async (request, reply) => {
      await service.remove(authOf(request).tenantId, request.params.id);
      return reply.status(204).send(null);
    });

    for (const target of ['conversation', 'contact'] as const) {
      const url = `/${target}s/:id/labels/:labelId`;
      const schema = { tags, params: LabelTargetParams, response: { 200: LabelList, ...errorResponses(...API_ERRORS, 404) } };
      r.put(url, { onRequest: requireScope('messages:send'), schema: { ...schema, summary: `Attach a label to a ${target} (idempotent)` } }, async (request) => {
        const { tenantId } = authOf(request);
        await targets[target](tenantId, request.params.id);
        const labels = await service.attach(target, tenantId, request.params.id, request.params.labelId);
        changed(target, tenantId, request.params.id);
        return { data: labels.map(toLabelDto) };
      });
      r.delete(url, { onRequest: requireScope('messages:send'), schema: { ...schema, summary: `Detach a label from a ${target} (idempotent)` } }, async (request) => {
        const { tenantId } = authOf(request);
        await targets[target](tenantId, request.params.id);
        const labels = await service.detach(target, tenantId, request.params.id, request.params.labelId);
        changed(target, tenantId, request.params.id);
        return { data: labels.map(toLabelDto) };
      });
    }
  };
}
