import type { FastifyPluginAsync } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { holdResponse } from '../wait.js';
import { requireNumber, requireVersion } from './graph-http.js';
import { sendMessage } from './send-message.js';

type Params = { version: string; phoneNumberId: string };

/** `POST /{version}/{phone-number-id}/messages` — every message type, plus mark-as-read. */
export function messagesRoutes(ctx: EmulatorContext): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Params: Params }>('/:version/:phoneNumberId/messages', async (request, reply) => {
      requireVersion(request);
      const number = requireNumber(ctx, request, request.params.phoneNumberId);
      const result = sendMessage(ctx, number, request.body);
      // timeoutAfterAccept fault: the message is already recorded; only the answer is late.
      await holdResponse(reply, result.holdMs);
      return reply.send(result.body);
    });
  };
}
