import type { FastifyError, FastifyPluginAsync } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { holdResponse } from '../wait.js';
import { GraphError, sendGraphError } from './graph-http.js';
import { mediaRoutes } from './media.routes.js';
import { messagesRoutes } from './messages.routes.js';
import { objectRoutes } from './objects.routes.js';
import { templatesRoutes } from './templates.routes.js';

/**
 * Everything that imitates graph.facebook.com (and the media lookaside host). Errors leave in
 * Meta's envelope; the `latencyMs` and `serverErrors` faults apply to every call here.
 */
export function graphPlugin(ctx: EmulatorContext): FastifyPluginAsync {
  return async (app) => {
    app.addHook('preHandler', async (_request, reply) => {
      await holdResponse(reply, ctx.faults.latencyMs);
      if (ctx.faults.take('serverErrors')) {
        return sendGraphError(reply, { code: ctx.faults.serverErrorCodeValue, details: 'Emulated server error (fault injection).' });
      }
      return undefined;
    });

    app.setErrorHandler((error: FastifyError | GraphError, request, reply) => {
      if (error instanceof GraphError) return sendGraphError(reply, error.input);
      if (error.statusCode !== undefined && error.statusCode < 500) {
        // Unparsable JSON, wrong content type, oversized body: Meta calls these invalid parameters.
        return sendGraphError(reply, { code: 100, details: error.message });
      }
      request.log.error({ err: error }, 'emulator graph route failed');
      return sendGraphError(reply, { code: 131000, details: 'Unexpected emulator error.' });
    });

    await app.register(messagesRoutes(ctx));
    await app.register(mediaRoutes(ctx));
    await app.register(templatesRoutes(ctx));
    await app.register(objectRoutes(ctx));
  };
}
