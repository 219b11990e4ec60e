import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { EmulatorContext } from '../context.js';
import { receiveCustomerMessage, type CustomerMessage } from '../customer-messages.js';
import { parseBody } from './parse-body.js';

const InboundBody = Type.Object({
  phoneNumberId: Type.String({ minLength: 1 }),
  from: Type.String({ minLength: 1 }),
  name: Type.Optional(Type.String()),
  message: Type.Object({
    type: Type.String({ minLength: 1 }),
    context: Type.Optional(Type.Object({ message_id: Type.Optional(Type.String()), id: Type.Optional(Type.String()), from: Type.Optional(Type.String()) })),
  }, { additionalProperties: true }),
});

/**
 * `POST /_emulator/inbound`: a simulated customer sends any message type (`message` = the webhook
 * message minus `from/id/timestamp`; media types may carry `data` (base64) and `mime_type`).
 */
export function customersControlRoutes(ctx: EmulatorContext): FastifyPluginAsync {
  return async (app) => {
    app.post('/_emulator/inbound', async (request) => {
      const body = parseBody(InboundBody, request.body);
      const inbound = receiveCustomerMessage(ctx, {
        phoneNumberId: body.phoneNumberId,
        from: body.from,
        message: body.message as CustomerMessage,
        ...(body.name !== undefined ? { name: body.name } : {}),
      });
      return { wamid: inbound.wamid, message: inbound.message };
    });
    app.get<{ Querystring: { phoneNumberId?: string } }>('/_emulator/inbound', async (request) => ({
      messages: [...ctx.store.inboundMessages.values()].filter((m) => !request.query.phoneNumberId || m.phoneNumberId === request.query.phoneNumberId),
    }));
  };
}
