import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { WebhookInteractiveReply } from '../schemas/webhook-interactive.js';
import { TemplateQualityScoreResponse } from '../schemas/templates-management.js';
import {
  TemplateCategoryUpdateValue,
  TemplateComponentsUpdateValue,
  TemplateQualityUpdateValue,
  TemplateStatusUpdateValue,
} from '../schemas/webhook-business-fields.js';
import type { ParseResult } from '../validation/parse-result.js';
import {
  parseGraphErrorEnvelope,
  parseMediaUploadResponse,
  parseMediaUrlResponse,
  parseSendMessageResponse,
  parseSuccessResponse,
  parseTemplateCreateRequest,
  parseTemplateCreateResponse,
  parseTemplateEditRequest,
  parseTemplateInfo,
  parseTemplateListResponse,
} from '../validation/parse-responses.js';
import { parseMarkReadRequest, parseMessagesEndpointRequest, parseSendMessageRequest } from '../validation/parse-send.js';
import { parseWebhookPayload } from '../validation/parse-webhook.js';

const dir = fileURLToPath(new URL('../__fixtures__/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const load = (file: string): unknown => JSON.parse(readFileSync(`${dir}${file}`, 'utf8'));
const named = (pattern: RegExp) => files.filter((f) => pattern.test(f));

function expectOk<T>(result: ParseResult<T>): T {
  expect(result.ok ? [] : result.errors).toEqual([]);
  if (!result.ok) throw new Error('unreachable');
  return result.value;
}

/** Which parser covers each fixture; every file must be claimed by exactly one rule. */
const RULES: [RegExp, (body: unknown) => ParseResult<unknown>][] = [
  [/^webhook-(?!.*fragment).*\.json$/, parseWebhookPayload],
  [/^send-.*-request\.json$/, parseSendMessageRequest],
  [/^(mark-read|typing-indicator)-request\.json$/, parseMarkReadRequest],
  [/^send-(text-)?response(-example)?\.json$/, parseSendMessageResponse],
  [/^(mark-read|media-delete|template-delete|template-edit)-response\.json$/, parseSuccessResponse],
  [/^error-.*\.json$/, parseGraphErrorEnvelope],
  [/^media-upload-response\.json$/, parseMediaUploadResponse],
  [/^media-retrieve-url-response\.json$/, parseMediaUrlResponse],
  [/^template-create-.*request\.json$/, parseTemplateCreateRequest],
  [/^template-create-response\.json$/, parseTemplateCreateResponse],
  [/^template-edit-components-request\.json$/, parseTemplateEditRequest],
  [/^template-get-by-id-response\.json$/, parseTemplateInfo],
  [/^template-list-(fields-)?response\.json$/, parseTemplateListResponse],
];
const SPECIAL = ['webhook-interactive-nfm-reply-flow-fragment.json', 'template-quality-score-response.json'];

describe('fixtures', () => {
  it('copies every shared payload and keeps SOURCES.md', () => {
    expect(readdirSync(dir)).toContain('SOURCES.md');
    expect(files.length).toBeGreaterThanOrEqual(90);
  });

  it.each(files)('%s is claimed by exactly one parser rule', (file) => {
    const claims = RULES.filter(([pattern]) => pattern.test(file)).length + (SPECIAL.includes(file) ? 1 : 0);
    expect(claims).toBe(1);
  });

  for (const [pattern, parse] of RULES) {
    const matching = named(pattern);
    if (matching.length === 0) continue;
    it.each(matching)(`%s parses (${pattern.source})`, (file) => {
      expectOk(parse(load(file)));
    });
  }

  it.each(named(/^(send-.*-request|mark-read-request|typing-indicator-request)\.json$/))(
    '%s is accepted by the messages endpoint parser',
    (file) => {
      expectOk(parseMessagesEndpointRequest(load(file)));
    },
  );

  it('the nfm_reply fragment carries a valid interactive reply', () => {
    const fragment = load('webhook-interactive-nfm-reply-flow-fragment.json') as { messages: { interactive: unknown }[] };
    expect(Value.Check(WebhookInteractiveReply, fragment.messages[0]?.interactive)).toBe(true);
  });

  it('the quality score response parses', () => {
    expect(Value.Check(TemplateQualityScoreResponse, load('template-quality-score-response.json'))).toBe(true);
  });

  it('typed business-field values match their samples', () => {
    const valueOf = (file: string) => (load(file) as { entry: { changes: { value: unknown }[] }[] }).entry[0]?.changes[0]?.value;
    expect(Value.Check(TemplateStatusUpdateValue, valueOf('webhook-template-status-rejected.json'))).toBe(true);
    expect(Value.Check(TemplateQualityUpdateValue, valueOf('webhook-template-quality-update.json'))).toBe(true);
    expect(Value.Check(TemplateCategoryUpdateValue, valueOf('webhook-template-category-update-pending.json'))).toBe(true);
    expect(Value.Check(TemplateCategoryUpdateValue, valueOf('webhook-template-category-update-applied.json'))).toBe(true);
    expect(Value.Check(TemplateComponentsUpdateValue, valueOf('webhook-template-components-update.json'))).toBe(true);
    expect(Value.Check(TemplateStatusUpdateValue, valueOf('webhook-text.json'))).toBe(false);
  });

  it('parses inbound messages into the typed union', () => {
    const payload = expectOk(parseWebhookPayload(load('webhook-interactive-list-reply.json')));
    const change = payload.entry[0]?.changes[0];
    const message = change?.field === 'messages' ? (change.value as { messages?: unknown[] }).messages?.[0] : undefined;
    expect(message).toMatchObject({ type: 'interactive', interactive: { list_reply: { id: 'priority_express' } } });
  });
});
