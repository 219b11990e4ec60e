import type { FastifyError, FastifyPluginAsync } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { EmulatorError } from '../errors.js';
import { customersControlRoutes } from './customers.routes.js';
import { faultsControlRoutes } from './faults.routes.js';
import { messagesControlRoutes } from './messages.routes.js';
import { personasControlRoutes } from './personas.routes.js';
import { phoneNumbersControlRoutes } from './phone-numbers.routes.js';
import { stateControlRoutes } from './state.routes.js';
import { templatesReviewRoutes } from './templates-review.routes.js';

/** The test/dev-only control API under `/_emulator/*`; errors are `{error: {code, message, details?}}`. */
export function controlPlugin(ctx: EmulatorContext, reset: (keepPhoneNumbers: boolean) => void): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler((error: FastifyError | EmulatorError, request, reply) => {
      if (error instanceof EmulatorError) {
        return reply.code(error.statusCode).send({ error: { code: error.code, message: error.message, details: error.details } });
      }
      const status = error.statusCode !== undefined && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) request.log.error({ err: error }, 'emulator control route failed');
      return reply.code(status).send({ error: { code: status === 500 ? 'INTERNAL' : 'INVALID_REQUEST', message: error.message } });
    });

    await app.register(phoneNumbersControlRoutes(ctx));
    await app.register(customersControlRoutes(ctx));
    await app.register(messagesControlRoutes(ctx));
    await app.register(templatesReviewRoutes(ctx));
    await app.register(faultsControlRoutes(ctx));
    await app.register(personasControlRoutes(ctx));
    await app.register(stateControlRoutes(ctx, reset));
  };
}
