import type { FastifyPluginAsync } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { toGraphPhoneNumber } from '../phone-numbers.js';
import { toGraphTemplate } from '../templates.js';
import { requireNumber, requireToken, requireVersion, unknownObject } from './graph-http.js';
import { requireMedia, toGraphMedia } from './media.routes.js';
import { editTemplate, requireTemplate } from './templates.routes.js';

type Params = { version: string; objectId: string };

/**
 * Graph addresses media, templates and phone numbers by bare id (`/{version}/{id}`), so one route
 * per method resolves the id and delegates; unknown ids get Meta's 100/33.
 */
export function objectRoutes(ctx: EmulatorContext): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: Params }>('/:version/:objectId', async (request) => {
      requireVersion(request);
      const { objectId } = request.params;
      const media = requireMedia(ctx, request, objectId);
      if (media) return toGraphMedia(ctx, media);
      const template = requireTemplate(ctx, request, objectId);
      if (template) return toGraphTemplate(template);
      if (ctx.store.phoneNumbers.has(objectId)) return toGraphPhoneNumber(requireNumber(ctx, request, objectId));
      requireToken(ctx, request);
      throw unknownObject(objectId, request.method);
    });

    app.delete<{ Params: Params }>('/:version/:objectId', async (request) => {
      requireVersion(request);
      const media = requireMedia(ctx, request, request.params.objectId);
      if (!media) {
        requireToken(ctx, request);
        throw unknownObject(request.params.objectId, request.method);
      }
      ctx.store.media.delete(media.id);
      return { success: true };
    });

    app.post<{ Params: Params }>('/:version/:objectId', async (request) => {
      requireVersion(request);
      const template = requireTemplate(ctx, request, request.params.objectId);
      if (!template) {
        requireToken(ctx, request);
        throw unknownObject(request.params.objectId, request.method);
      }
      editTemplate(template, request.body ?? {});
      return { success: true };
    });
  };
}
