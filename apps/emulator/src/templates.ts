import { buildTemplateStatusUpdate, parseTemplateCreateRequest, type ValidationIssue } from '@valeo/cloud-api';
import type { EmulatorContext } from './context.js';
import { notFound } from './errors.js';
import { GraphError } from './graph/graph-http.js';
import { createGraphId } from './ids.js';
import type { Template, TemplateComponent, TemplateStatus } from './state/types.js';

/**
 * Template management as the Business Management API does it (REFERENCE.md §3): new templates are
 * PENDING until reviewed (here: via the control API), names are lowercase/underscore, one template
 * per name × language, status changes are announced with `message_template_status_update`.
 */
export type NewTemplateInput = Record<string, unknown>;

/** Meta answers with upper-case component types and formats whatever case they were created with. */
export function normalizeComponents(components: unknown[]): TemplateComponent[] {
  return components.map((raw) => {
    const c = { ...(raw as Record<string, unknown>) };
    if (typeof c['format'] === 'string') c['format'] = c['format'].toUpperCase();
    if (Array.isArray(c['buttons'])) {
      c['buttons'] = c['buttons'].map((b: Record<string, unknown>) => ({ ...b, type: String(b['type']).toUpperCase() }));
    }
    return { ...c, type: String(c['type']).toUpperCase() };
  });
}

const templateError = (details: string, subcode?: number): GraphError =>
  new GraphError({ code: 100, details, ...(subcode !== undefined ? { subcode } : {}) });

export const issueDetails = (issue: ValidationIssue | undefined): string =>
  issue ? `Param ${issue.path === '/' ? 'body' : issue.path.slice(1).replace(/\//g, '.')} ${issue.message}.` : 'Invalid parameter.';

/** Shared wire schema first (name pattern, category, components), then the rules it cannot express. */
function validateNewTemplate(ctx: EmulatorContext, wabaId: string, input: NewTemplateInput): void {
  const parsed = parseTemplateCreateRequest(input);
  if (!parsed.ok) throw templateError(issueDetails(parsed.errors[0]));
  const { name, language, components } = parsed.value;
  if (!components.some((c) => c.type.toUpperCase() === 'BODY')) {
    throw templateError('Message template components must contain a BODY component.');
  }
  if (ctx.store.findTemplate(wabaId, name, language)) {
    throw templateError(`Content in this language already exists: ${name} (${language}).`, 2388024);
  }
}

export function createTemplate(ctx: EmulatorContext, wabaId: string, input: NewTemplateInput, status: TemplateStatus = 'PENDING'): Template {
  validateNewTemplate(ctx, wabaId, input);
  const template: Template = {
    id: createGraphId(),
    wabaId,
    name: String(input['name']),
    language: String(input['language']),
    category: String(input['category']).toUpperCase(),
    status,
    parameterFormat: String(input['parameter_format'] ?? 'positional').toLowerCase() === 'named' ? 'named' : 'positional',
    components: normalizeComponents(input['components'] as unknown[]),
    createdAt: ctx.clock.now().toISOString(),
  };
  ctx.store.templates.set(template.id, template);
  const autoApproveMs = ctx.options.autoApproveTemplatesAfterMs;
  if (status === 'PENDING' && autoApproveMs !== null) {
    ctx.scheduler.schedule(autoApproveMs, () => {
      if (ctx.store.templates.get(template.id)?.status === 'PENDING') setTemplateStatus(ctx, template.id, 'APPROVED');
    }, ctx.reportError);
  }
  return template;
}

export type StatusChange = { reason?: string | null; rejectionInfo?: { reason: string; recommendation: string } };

/** Changes the review status and sends `message_template_status_update` to the WABA's callback(s). */
export function setTemplateStatus(ctx: EmulatorContext, templateId: string, status: TemplateStatus, change: StatusChange = {}): Template {
  const template = ctx.store.templates.get(templateId);
  if (!template) throw notFound('Template', templateId);
  template.status = status;
  if (status === 'REJECTED') template.rejectedReason = change.reason ?? 'NONE';
  else delete template.rejectedReason;
  const envelope = buildTemplateStatusUpdate({
    wabaId: template.wabaId,
    time: ctx.clock.now(),
    event: status,
    templateId: template.id,
    templateName: template.name,
    language: template.language,
    reason: change.reason === undefined ? 'NONE' : change.reason,
    category: template.category,
    ...(change.rejectionInfo ? { rejectionInfo: change.rejectionInfo } : {}),
  });
  ctx.dispatcher.dispatchToWaba('template', template.wabaId, envelope);
  return template;
}

/** Deletes by name (every language) or, with `hsm_id`, the one template. */
export function deleteTemplates(ctx: EmulatorContext, wabaId: string, name: string | undefined, hsmId: string | undefined): void {
  if (!name) throw new GraphError({ code: 131008, details: 'The parameter name is required.' });
  const doomed = ctx.store.templatesOfWaba(wabaId).filter((t) => t.name === name && (hsmId === undefined || t.id === hsmId));
  if (doomed.length === 0) throw templateError(`Message template "${name}" was not found.`);
  for (const template of doomed) ctx.store.templates.delete(template.id);
}

/** Meta's template object (payloads/template-get-by-id-response.json). */
export function toGraphTemplate(template: Template): Record<string, unknown> {
  return {
    name: template.name,
    ...(template.parameterFormat === 'named' ? { parameter_format: 'NAMED' } : {}),
    components: template.components,
    language: template.language,
    status: template.status,
    category: template.category,
    ...(template.rejectedReason !== undefined ? { rejected_reason: template.rejectedReason } : {}),
    id: template.id,
  };
}

/** Every WABA starts with Meta's sample template, as real accounts do. */
export function seedHelloWorld(ctx: EmulatorContext, wabaId: string): void {
  if (ctx.store.findTemplate(wabaId, 'hello_world', 'en_US')) return;
  createTemplate(ctx, wabaId, {
    name: 'hello_world',
    language: 'en_US',
    category: 'UTILITY',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Hello World' },
      { type: 'BODY', text: 'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us.' },
      { type: 'FOOTER', text: 'WhatsApp Business Platform sample message' },
    ],
  }, 'APPROVED');
}
