import { Compile } from 'typebox/compile';
import type { InteractiveObject } from '../schemas/interactive.js';
import {
  MarkReadRequest,
  MESSAGE_TYPE_OBJECT_SCHEMAS,
  MessagesEndpointRequest,
  SendMessageRequest,
  isMarkReadRequest,
  OUTBOUND_MESSAGE_TYPES,
  type OutboundObject,
  type OutboundType,
} from '../schemas/send-message.js';
import { createParser, type ParseResult, type ValidationIssue } from './parse-result.js';
import { checkInteractiveRules, checkSendMessageRules } from './send-message-rules.js';

const parseSendSchema = createParser<SendMessageRequest>(Compile(SendMessageRequest));
const parseEndpointSchema = createParser<MessagesEndpointRequest>(Compile(MessagesEndpointRequest));

const KNOWN_TYPES: ReadonlySet<string> = new Set(OUTBOUND_MESSAGE_TYPES);

/** A clearer error than "must match a schema in anyOf" when `type` itself is wrong. */
function unknownTypeIssue(body: unknown): ValidationIssue[] | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  if (!('type' in body)) return [{ path: '/', message: 'must have required properties type' }];
  const { type } = body;
  if (typeof type === 'string' && KNOWN_TYPES.has(type)) return undefined;
  return [{ path: '/type', message: `must be one of ${OUTBOUND_MESSAGE_TYPES.join(', ')}` }];
}

/** Validates a send-message body: schema, then the rules JSON Schema cannot express. */
export function parseSendMessageRequest(body: unknown): ParseResult<SendMessageRequest> {
  const result = parseSendSchema(body);
  if (!result.ok) return { ok: false, errors: unknownTypeIssue(body) ?? result.errors };
  const issues = checkSendMessageRules(result.value);
  return issues.length === 0 ? result : { ok: false, errors: issues };
}

export const parseMarkReadRequest: (body: unknown) => ParseResult<MarkReadRequest> = createParser(Compile(MarkReadRequest));

/** Anything `POST /{phone-number-id}/messages` accepts: a send or a mark-read/typing indicator. */
export function parseMessagesEndpointRequest(body: unknown): ParseResult<MessagesEndpointRequest> {
  const result = parseEndpointSchema(body);
  if (!result.ok) {
    const isReadShaped = typeof body === 'object' && body !== null && 'status' in body && !('type' in body);
    return isReadShaped ? result : { ok: false, errors: unknownTypeIssue(body) ?? result.errors };
  }
  if (isMarkReadRequest(result.value)) return result;
  const issues = checkSendMessageRules(result.value);
  return issues.length === 0 ? result : { ok: false, errors: issues };
}

const typeObjectParsers = Object.fromEntries(
  Object.entries(MESSAGE_TYPE_OBJECT_SCHEMAS).map(([type, schema]) => [type, createParser(Compile(schema))]),
) as { [T in OutboundType]: (input: unknown) => ParseResult<OutboundObject<T>> };

/**
 * Validates the per-type object of `{ type, [type]: object }` API input with the same schema as the
 * wire request (`path`s are relative to the object, e.g. `/body`).
 */
export function parseMessageTypeObject<T extends OutboundType>(type: T, object: unknown): ParseResult<OutboundObject<T>> {
  const parse = typeObjectParsers[type] as (input: unknown) => ParseResult<OutboundObject<T>>;
  const result = parse(object);
  if (!result.ok || type !== 'interactive') return result;
  const issues = checkInteractiveRules(result.value as InteractiveObject, '');
  return issues.length === 0 ? result : { ok: false, errors: issues };
}
