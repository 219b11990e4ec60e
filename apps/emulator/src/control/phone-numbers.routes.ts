import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { EmulatorContext } from '../context.js';
import { registerPhoneNumber } from '../phone-numbers.js';
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

/** `POST /_emulator/phone-numbers` registers (upserts) a business number; `GET` lists them. */
export function phoneNumbersControlRoutes(ctx: EmulatorContext): FastifyPluginAsync {
  return async (app) => {
    app.post('/_emulator/phone-numbers', async (request) => {
      const body = parseBody(RegisterBody, request.body);
      return { phoneNumber: registerPhoneNumber(ctx, body) };
    });
    app.get('/_emulator/phone-numbers', async () => ({ phoneNumbers: [...ctx.store.phoneNumbers.values()] }));
  };
}
