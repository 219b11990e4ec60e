import {
  checkLength, firstProblem, invalid, isObject, missing, requireString, tooLong, type Json, type Problem,
} from './send-request-problems.js';
import { validateInteractive } from './validate-interactive.js';
import { GraphError } from './graph-http.js';

/**
 * Validation of `POST /{phone-number-id}/messages` bodies with Meta's codes: 131008 for a missing
 * parameter, 131009 for an invalid value, 100 for an unknown/oversized parameter, each with
 * `error_data.details` naming the field. Limits: REFERENCE.md §1.2.
 */
export type SendRequest =
  | { kind: 'mark-read'; messageId: string; typingIndicator: boolean }
  | { kind: 'message'; to: string; type: string; payload: Json; bizOpaqueCallbackData?: string; contextMessageId?: string };

export const MESSAGE_TYPES = [
  'text', 'image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts', 'reaction', 'interactive', 'template',
];
const MEDIA_TYPES = ['image', 'audio', 'video', 'document', 'sticker'];

function validateMedia(type: string, payload: Json): Problem {
  const hasId = payload['id'] !== undefined;
  const hasLink = payload['link'] !== undefined;
  if (!hasId && !hasLink) return missing(`${type}['id'] or ${type}['link']`);
  if (hasId && hasLink) return invalid(`${type}`, "only one of 'id' or 'link' may be set");
  if (hasLink && !/^https?:\/\//i.test(String(payload['link']))) return invalid(`${type}['link']`, 'must be an http(s) URL');
  return checkLength(payload['caption'], `${type}['caption']`, 1024);
}

function validateLocation(payload: Json): Problem {
  for (const key of ['latitude', 'longitude']) {
    const value = payload[key];
    if (value === undefined || value === '') return missing(`location['${key}']`);
    // Meta's docs send strings, the OpenAPI example numbers: accept both.
    if (!Number.isFinite(Number(value))) return invalid(`location['${key}']`, 'must be a number');
  }
  return null;
}

function validateContacts(contacts: unknown): Problem {
  if (!Array.isArray(contacts) || contacts.length === 0) return missing('contacts');
  if (contacts.length > 5) return invalid('contacts', 'at most 5 contacts are allowed');
  for (const [i, contact] of contacts.entries()) {
    const name = isObject(contact) && isObject(contact['name']) ? contact['name'] : null;
    if (!name) return missing(`contacts[${i}]['name']`);
    const problem = requireString(name, 'formatted_name', `contacts[${i}]['name']['formatted_name']`);
    if (problem) return problem;
  }
  return null;
}

function validateTemplate(payload: Json): Problem {
  const language = isObject(payload['language']) ? payload['language'] : null;
  return firstProblem([
    () => requireString(payload, 'name', "template['name']", 512),
    () => (language ? requireString(language, 'code', "template['language']['code']") : missing("template['language']")),
    () => (payload['components'] !== undefined && !Array.isArray(payload['components'])
      ? invalid("template['components']", 'must be an array') : null),
  ]);
}

function validatePayload(type: string, payload: Json): Problem {
  if (MEDIA_TYPES.includes(type)) return validateMedia(type, payload);
  switch (type) {
    case 'text': return requireString(payload, 'body', "text['body']", 4096);
    case 'location': return validateLocation(payload);
    case 'reaction': return requireString(payload, 'message_id', "reaction['message_id']")
      ?? (payload['emoji'] !== undefined && typeof payload['emoji'] !== 'string' ? invalid("reaction['emoji']", 'must be a string') : null);
    case 'interactive': return validateInteractive(payload);
    case 'template': return validateTemplate(payload);
    default: return null;
  }
}

function validateMarkRead(body: Json): SendRequest {
  const problem = requireString(body, 'message_id', 'message_id');
  if (problem) throw new GraphError(problem);
  return { kind: 'mark-read', messageId: String(body['message_id']), typingIndicator: isObject(body['typing_indicator']) };
}

function validateEnvelope(body: Json, type: string): Problem {
  return firstProblem([
    () => (body['to'] === undefined && body['recipient'] === undefined ? missing('to') : null),
    () => (body['to'] !== undefined && typeof body['to'] !== 'string' ? invalid('to', 'must be a string') : null),
    () => (body['recipient_type'] !== undefined && !['individual', 'group'].includes(String(body['recipient_type']))
      ? invalid('recipient_type', "must be 'individual' or 'group'") : null),
    () => (MESSAGE_TYPES.includes(type) ? null : { code: 100, details: `Param type must be one of {${MESSAGE_TYPES.join(', ').toUpperCase()}} - got "${type}".` }),
    () => (body['biz_opaque_callback_data'] !== undefined && String(body['biz_opaque_callback_data']).length > 512 ? tooLong('biz_opaque_callback_data', 512) : null),
    () => (body['context'] !== undefined && !(isObject(body['context']) && typeof body['context']['message_id'] === 'string')
      ? missing("context['message_id']") : null),
  ]);
}

export function validateSendRequest(raw: unknown): SendRequest {
  if (!isObject(raw)) throw new GraphError({ code: 100, details: 'The request body must be a JSON object.' });
  if (raw['messaging_product'] === undefined) throw new GraphError(missing('messaging_product'));
  if (raw['messaging_product'] !== 'whatsapp') {
    throw new GraphError({ code: 100, details: `Param messaging_product must be one of {WHATSAPP} - got "${String(raw['messaging_product'])}".` });
  }
  if (raw['status'] === 'read') return validateMarkRead(raw);
  // Meta defaults `type` to text when it is omitted.
  const type = typeof raw['type'] === 'string' ? raw['type'] : 'text';
  const envelopeProblem = validateEnvelope(raw, type);
  if (envelopeProblem) throw new GraphError(envelopeProblem);
  const payload = raw[type];
  if (type === 'contacts') {
    const problem = validateContacts(payload);
    if (problem) throw new GraphError(problem);
  } else {
    if (!isObject(payload)) throw new GraphError(missing(type));
    const problem = validatePayload(type, payload);
    if (problem) throw new GraphError(problem);
  }
  const context = isObject(raw['context']) ? String(raw['context']['message_id']) : undefined;
  return {
    kind: 'message',
    to: String(raw['to'] ?? raw['recipient']),
    type,
    payload: isObject(payload) ? payload : {},
    ...(raw['biz_opaque_callback_data'] !== undefined ? { bizOpaqueCallbackData: String(raw['biz_opaque_callback_data']) } : {}),
    ...(context !== undefined ? { contextMessageId: context } : {}),
  };
}
