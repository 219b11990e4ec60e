import {
  isMarkReadRequest, parseMarkReadRequest, parseMessagesEndpointRequest, type BuildGraphErrorInput, type ValidationIssue,
} from '@valeo/cloud-api';
import { GraphError } from './graph-http.js';

/**
 * Validation of `POST /{phone-number-id}/messages` with the shared wire schemas of `@valeo/cloud-api`,
 * reported with Meta's codes: 131008 for a missing parameter, 100 for an unknown `type`/product or a
 * text over its length limit, 131009 for any other invalid value — each with `error_data.details`.
 */
export type SendRequest =
  | { kind: 'mark-read'; messageId: string; typingIndicator: boolean }
  | { kind: 'message'; to: string; type: string; payload: Record<string, unknown>; bizOpaqueCallbackData?: string };

/** `/interactive/action/buttons/0` → `interactive['action']['buttons'][0]` (Meta's notation). */
function metaPath(path: string, extra?: string): string {
  const segments = [...path.split('/').filter(Boolean), ...(extra ? [extra] : [])];
  const [head, ...rest] = segments;
  return `${head ?? ''}${rest.map((s) => (/^\d+$/.test(s) ? `[${s}]` : `['${s}']`)).join('')}`;
}

const REQUIRED = /^must have required propert(?:y|ies) (.+)$/;

export function toGraphProblem(issue: ValidationIssue): BuildGraphErrorInput {
  const required = REQUIRED.exec(issue.message);
  if (required) {
    const first = (required[1] ?? '').split(',')[0]?.trim().replace(/^'|'$/g, '');
    return { code: 131008, details: `The parameter ${metaPath(issue.path, first)} is required.` };
  }
  const where = metaPath(issue.path) || 'body';
  if (issue.path === '/messaging_product') return { code: 100, details: 'Param messaging_product must be whatsapp.' };
  if (issue.message === 'must not be valid') return { code: 131009, details: `Parameter ${where} is not allowed here.` };
  if (issue.path === '/type' || /characters$/.test(issue.message)) {
    return { code: 100, details: `Param ${where} ${issue.message}.` };
  }
  return { code: 131009, details: `Parameter ${where} is invalid: ${issue.message}.` };
}

/** Meta defaults `type` to `text` when a send omits it. */
function withDefaultType(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return 'type' in body || 'status' in body ? body : { ...body, type: 'text' };
}

export function validateSendRequest(raw: unknown): SendRequest {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new GraphError({ code: 100, details: 'The request body must be a JSON object.' });
  }
  // A mark-read body is checked on its own so its errors do not drown in the send-union's.
  const result = 'status' in raw ? parseMarkReadRequest(raw) : parseMessagesEndpointRequest(withDefaultType(raw));
  if (!result.ok) throw new GraphError(toGraphProblem(result.errors[0] ?? { path: '/', message: 'is invalid' }));
  const body = result.value;
  if (isMarkReadRequest(body)) {
    return { kind: 'mark-read', messageId: body.message_id, typingIndicator: body.typing_indicator !== undefined };
  }
  const payload = (body as unknown as Record<string, unknown>)[body.type];
  return {
    kind: 'message',
    to: body.to,
    type: body.type,
    payload: typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {},
    ...(body.biz_opaque_callback_data !== undefined ? { bizOpaqueCallbackData: body.biz_opaque_callback_data } : {}),
  };
}
