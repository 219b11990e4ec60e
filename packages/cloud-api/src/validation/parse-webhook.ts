import { Compile } from 'typebox/compile';
import { WebhookPayload } from '../schemas/webhook-payload.js';
import { createParser, type ParseResult } from './parse-result.js';

const webhookPayloadValidator = Compile(WebhookPayload);

/** Validates a parsed webhook POST body (not the raw bytes: verify the signature first). */
export const parseWebhookPayload: (body: unknown) => ParseResult<WebhookPayload> = createParser(webhookPayloadValidator);
