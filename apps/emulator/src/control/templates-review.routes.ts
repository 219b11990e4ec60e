import { TEMPLATE_STATUSES, type TemplateStatus } from '@valeo/cloud-api';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { EmulatorContext } from '../context.js';
import { createTemplate, setTemplateStatus, toGraphTemplate } from '../templates.js';
import { parseBody } from './parse-body.js';

const RejectBody = Type.Object({
  reason: Type.Optional(Type.String()),
  recommendation: Type.Optional(Type.String()),
});
const StatusBody = Type.Object({
  status: Type.Union(TEMPLATE_STATUSES.map((s) => Type.Literal(s))),
  reason: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
const SeedBody = Type.Object({
  wabaId: Type.String({ minLength: 1 }),
  status: Type.Optional(Type.Union(TEMPLATE_STATUSES.map((s) => Type.Literal(s)))),
  template: Type.Record(Type.String(), Type.Unknown()),
});

type Params = { id: string };

/**
 * Template review on command: approve, reject (`reason` default INVALID_FORMAT), or any status
 * (PAUSED → 132015, DISABLED → 132016 on send); each sends `message_template_status_update`.
 * `POST /_emulator/templates` seeds a template directly (default APPROVED, no webhook).
 */
export function templatesReviewRoutes(ctx: EmulatorContext): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: { wabaId?: string } }>('/_emulator/templates', async (request) => ({
      templates: [...ctx.store.templates.values()]
        .filter((t) => !request.query.wabaId || t.wabaId === request.query.wabaId)
        .map((t) => ({ ...toGraphTemplate(t), wabaId: t.wabaId })),
    }));
    app.post('/_emulator/templates', async (request) => {
      const body = parseBody(SeedBody, request.body);
      return { template: toGraphTemplate(createTemplate(ctx, body.wabaId, body.template, body.status ?? 'APPROVED')) };
    });
    app.post<{ Params: Params }>('/_emulator/templates/:id/approve', async (request) =>
      ({ template: toGraphTemplate(setTemplateStatus(ctx, request.params.id, 'APPROVED')) }));
    app.post<{ Params: Params }>('/_emulator/templates/:id/reject', async (request) => {
      const body = parseBody(RejectBody, request.body ?? {});
      const reason = body.reason ?? 'INVALID_FORMAT';
      const rejectionInfo = reason === 'INVALID_FORMAT'
        ? { reason: 'The template does not follow the formatting rules.', recommendation: body.recommendation ?? 'Fix the template and submit it again.' }
        : undefined;
      const template = setTemplateStatus(ctx, request.params.id, 'REJECTED', { reason, ...(rejectionInfo ? { rejectionInfo } : {}) });
      return { template: toGraphTemplate(template) };
    });
    app.post<{ Params: Params }>('/_emulator/templates/:id/status', async (request) => {
      const body = parseBody(StatusBody, request.body);
      const change = body.reason !== undefined ? { reason: body.reason } : {};
      return { template: toGraphTemplate(setTemplateStatus(ctx, request.params.id, body.status as TemplateStatus, change)) };
    });
  };
}
