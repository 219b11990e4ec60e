import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { EmulatorContext } from '../context.js';
import { notFound } from '../errors.js';
import { registerPhoneNumber } from '../phone-numbers.js';
import { verifyWebhookEndpoint } from '../webhook-verification.js';
import { parseBody } from './parse-body.js';

const RegisterBody = Type.Object({
  phoneNumberId: Type.String({ minLength: 1 }),
  wabaId: Type.String({ minLength: 1 }),
  displayPhoneNumber: Type.String({ minLength: 1 }),
  verifiedName: Type.Optional(Type.String()),
  accessToken: Type.String({ minLength: 1 }),
  appSecret: Type.String({ minLength: 1 }),
  webhookUrl: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Null()])),
});

const VerifyBody = Type.Object({ verifyToken: Type.String() });

/**
 * `POST /_emulator/phone-numbers` registers (upserts) a business number; `GET` lists them;
 * `POST /_emulator/phone-numbers/:id/verify-webhook {verifyToken}` runs Meta's GET handshake against its URL.
 */
export function phoneNumbersControlRoutes(ctx: EmulatorContext): FastifyPluginAsync {
  return async (app) => {
    app.post('/_emulator/phone-numbers', async (request) => {
      const body = parseBody(RegisterBody, request.body);
      return { phoneNumber: registerPhoneNumber(ctx, body) };
    });
    app.get('/_emulator/phone-numbers', async () => ({ phoneNumbers: [...ctx.store.phoneNumbers.values()] }));
    app.post<{ Params: { id: string } }>('/_emulator/phone-numbers/:id/verify-webhook', async (request) => {
      const { verifyToken } = parseBody(VerifyBody, request.body);
      const number = ctx.store.phoneNumbers.get(request.params.id);
      if (!number?.webhookUrl) throw notFound('Phone number with a webhook URL', request.params.id);
      return verifyWebhookEndpoint(number.webhookUrl, verifyToken, ctx.options.webhookTimeoutMs);
    });
  };
}
