import { parseTemplateEditRequest } from '@valeo/cloud-api';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.js';
import type { Template } from '../state/types.js';
import { createTemplate, deleteTemplates, issueDetails, normalizeComponents, toGraphTemplate } from '../templates.js';
import { GraphError, requireToken, requireVersion, requireWaba, unknownObject } from './graph-http.js';

type WabaParams = { version: string; wabaId: string };
type ListQuery = { name?: string; status?: string; fields?: string; limit?: string; after?: string };

const encodeCursor = (index: number): string => Buffer.from(String(index)).toString('base64url');
const decodeCursor = (cursor: string | undefined): number => (cursor ? Number(Buffer.from(cursor, 'base64url').toString()) || 0 : 0);

/** `fields=name,status` projects each item; `id` is always included, as Graph does. */
function project(item: Record<string, unknown>, fields: string | undefined): Record<string, unknown> {
  if (!fields) return item;
  const wanted = new Set([...fields.split(',').map((f) => f.trim()), 'id']);
  return Object.fromEntries(Object.entries(item).filter(([key]) => wanted.has(key)));
}

/** List with Meta's filters (`name` contains, `status` case-insensitive) and cursor paging. */
function listTemplates(templates: Template[], query: ListQuery): Record<string, unknown> {
  const filtered = templates.filter((t) =>
    (!query.name || t.name.includes(query.name)) && (!query.status || t.status === query.status.toUpperCase()));
  const start = decodeCursor(query.after);
  const limit = Math.max(1, Number(query.limit) || 25);
  const page = filtered.slice(start, start + limit);
  const cursors = { before: encodeCursor(start), after: encodeCursor(start + page.length) };
  return {
    data: page.map((t) => project(toGraphTemplate(t), query.fields)),
    paging: { cursors, ...(start + limit < filtered.length ? { next: `?after=${cursors.after}&limit=${limit}` } : {}) },
  };
}

/** `GET|POST /{template-id}` helpers used by the object routes. */
export function requireTemplate(ctx: EmulatorContext, request: FastifyRequest, id: string): Template | undefined {
  const template = ctx.store.templates.get(id);
  if (!template) return undefined;
  const token = requireToken(ctx, request);
  if (!ctx.store.numbersOfWaba(template.wabaId).some((n) => n.accessToken === token)) throw unknownObject(id, request.method);
  return template;
}

/** Edits replace category and/or all components; an approved template goes back to review (REFERENCE.md §3.1). */
export function editTemplate(template: Template, body: unknown): void {
  const parsed = parseTemplateEditRequest(body);
  if (!parsed.ok) throw new GraphError({ code: 100, details: issueDetails(parsed.errors[0]) });
  if (!['APPROVED', 'REJECTED', 'PAUSED'].includes(template.status)) {
    throw new GraphError({ code: 100, details: `Templates with status ${template.status} cannot be edited.` });
  }
  if (parsed.value.category !== undefined) template.category = parsed.value.category.toUpperCase();
  if (parsed.value.components !== undefined) template.components = normalizeComponents(parsed.value.components);
  template.status = 'PENDING';
}

export function templatesRoutes(ctx: EmulatorContext): FastifyPluginAsync {
  return async (app) => {
    const path = '/:version/:wabaId/message_templates';
    app.get<{ Params: WabaParams; Querystring: ListQuery }>(path, async (request) => {
      requireVersion(request);
      requireWaba(ctx, request, request.params.wabaId);
      return listTemplates(ctx.store.templatesOfWaba(request.params.wabaId), request.query);
    });
    app.post<{ Params: WabaParams }>(path, async (request) => {
      requireVersion(request);
      requireWaba(ctx, request, request.params.wabaId);
      const template = createTemplate(ctx, request.params.wabaId, (request.body ?? {}) as Record<string, unknown>);
      return { id: template.id, status: template.status, category: template.category };
    });
    app.delete<{ Params: WabaParams; Querystring: { name?: string; hsm_id?: string } }>(path, async (request) => {
      requireVersion(request);
      requireWaba(ctx, request, request.params.wabaId);
      deleteTemplates(ctx, request.params.wabaId, request.query.name, request.query.hsm_id);
      return { success: true };
    });
  };
}
