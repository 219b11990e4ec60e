import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { EmulatorContext } from '../context.js';
import { notFound } from '../errors.js';
import type { SentMessage } from '../state/types.js';
import { webhookError } from '../webhook-payloads.js';
import { parseBody } from './parse-body.js';

const StatusBody = Type.Object({
  status: Type.Union([Type.Literal('sent'), Type.Literal('delivered'), Type.Literal('read'), Type.Literal('played'), Type.Literal('failed')]),
  errorCode: Type.Optional(Type.Integer()),
  errorDetails: Type.Optional(Type.String()),
});

type MessagesQuery = { phoneNumberId?: string; to?: string };

function toView(message: SentMessage): Record<string, unknown> {
  const { request, ...rest } = message;
  return { ...rest, body: request };
}

/**
 * `GET /_emulator/messages` — what businesses sent (exact request `body`, statuses so far);
 * `POST /_emulator/messages/:wamid/status` — sends that status webhook now (failed: `errorCode`, default 131000).
 */
export function messagesControlRoutes(ctx: EmulatorContext): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: MessagesQuery }>('/_emulator/messages', async (request) => {
      const { phoneNumberId, to } = request.query;
      const messages = [...ctx.store.sentMessages.values()]
        .filter((m) => (!phoneNumberId || m.phoneNumberId === phoneNumberId) && (!to || m.waId === to.replace(/\D/g, '')));
      return { messages: messages.map(toView) };
    });
    app.get<{ Params: { wamid: string } }>('/_emulator/messages/:wamid', async (request) => {
      const message = ctx.store.sentMessages.get(request.params.wamid);
      if (!message) throw notFound('Message', request.params.wamid);
      return { message: toView(message) };
    });
    app.post<{ Params: { wamid: string } }>('/_emulator/messages/:wamid/status', async (request) => {
      const body = parseBody(StatusBody, request.body);
      const message = ctx.store.sentMessages.get(request.params.wamid);
      if (!message) throw notFound('Message', request.params.wamid);
      const errors = body.status === 'failed' ? [webhookError(body.errorCode ?? 131000, body.errorDetails)] : undefined;
      ctx.lifecycle.emit(message, body.status, errors);
      return { message: toView(message) };
    });
  };
}
