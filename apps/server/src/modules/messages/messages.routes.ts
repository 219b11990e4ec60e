import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ListMessagesQuery, Message, MessagePage, SendMessageRequest, SendMessageResponse } from '@valeo/contracts';
import { checkInteractiveRules, type InteractiveObject } from '@valeo/cloud-api';
import { badRequest } from '../../core/errors/app-error.js';
import { authOf, requireScope } from '../../http/plugins/auth.plugin.js';
import type { OutboundMessageType } from '../../providers/messaging-provider.js';
import type { MessagesService } from './messages.service.js';

const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Repeat a request safely: the same key returns the first message and never sends twice.' })),
});

/** `/api/v1/messages`: send, read one, list. Schemas in, service call, schema out. */
export function registerMessagesRoutes(app: FastifyInstance, service: MessagesService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.post('/messages', {
    onRequest: requireScope('messages:send'),
    schema: {
      tags: ['messages'],
      summary: 'Queue a message for sending',
      headers: IdempotencyHeaders,
      body: SendMessageRequest,
      response: { 202: SendMessageResponse, 200: SendMessageResponse },
    },
  }, async (request, reply) => {
    const body = request.body as Record<string, unknown> & { channelId: string; to: string; type: OutboundMessageType; context?: { message_id: string } };
    assertSendRules(body);
    const { id, status, created } = await service.queue({
      tenantId: authOf(request).tenantId,
      channelId: body.channelId,
      to: body.to,
      type: body.type,
      content: toContent(body.type, body[body.type]),
      replyToWamid: body.context?.message_id,
      idempotencyKey: request.headers['idempotency-key'],
    });
    return reply.status(created ? 202 : 200).send({ id, status });
  });

  r.get('/messages/:id', {
    onRequest: requireScope('messages:read'),
    schema: { tags: ['messages'], summary: 'One message with its status history', params: Type.Object({ id: Type.String() }), response: { 200: Message } },
  }, async (request) => service.get(authOf(request).tenantId, request.params.id));

  r.get('/messages', {
    onRequest: requireScope('messages:read'),
    schema: { tags: ['messages'], summary: 'Messages, newest first', querystring: ListMessagesQuery, response: { 200: MessagePage } },
  }, async (request) => {
    const q = request.query;
    return service.list({
      tenantId: authOf(request).tenantId,
      limit: q.limit ?? 50,
      cursor: q.cursor,
      channelId: q.channelId,
      contactWaId: q.contactWaId?.replace(/^\+/, ''),
      direction: q.direction,
      wamid: q.wamid,
    });
  });
}

/** Rules JSON Schema cannot express (unique button ids, row counts, no reply context on reactions). */
function assertSendRules(body: { type: OutboundMessageType; context?: unknown } & Record<string, unknown>): void {
  const issues = body.type === 'interactive' ? checkInteractiveRules(body['interactive'] as InteractiveObject) : [];
  if (body.type === 'reaction' && body.context !== undefined) issues.push({ path: '/context', message: 'reactions cannot be contextual replies' });
  if (issues.length > 0) throw badRequest('VALIDATION_FAILED', 'The message breaks a WhatsApp rule.', { issues });
}

/** The provider port carries objects; contact cards (an array on the wire) travel as `{ contacts }`. */
function toContent(type: OutboundMessageType, value: unknown): Record<string, unknown> {
  return type === 'contacts' ? { contacts: value } : (value as Record<string, unknown>);
}
