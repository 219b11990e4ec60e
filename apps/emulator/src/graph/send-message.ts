import { buildPricing } from '@valeo/cloud-api';
import type { EmulatorContext } from '../context.js';
import { createWamid, toWaId } from '../ids.js';
import { deliverToRecipient } from '../outbound-delivery.js';
import { isServiceWindowOpen, requiresServiceWindow, WINDOW_CLOSED_DETAILS } from '../rules/service-window.js';
import { checkTemplateParameters } from '../rules/template-params.js';
import { THROUGHPUT_DETAILS } from '../rules/throughput.js';
import type { PhoneNumber, SentMessage, Template } from '../state/types.js';
import { GraphError } from './graph-http.js';
import { validateSendRequest, type SendRequest } from './validate-send-request.js';

type MessageRequest = Extract<SendRequest, { kind: 'message' }>;
export type SendResult = { body: unknown; holdMs: number };

function markRead(ctx: EmulatorContext, number: PhoneNumber, request: Extract<SendRequest, { kind: 'mark-read' }>): SendResult {
  const target = ctx.store.inboundMessages.get(request.messageId);
  if (!target || target.phoneNumberId !== number.phoneNumberId) {
    throw new GraphError({ code: 100, details: `Invalid message_id: no message ${request.messageId} was received by this number.` });
  }
  // Marking a message read also marks every earlier message of that customer read (REFERENCE.md §1.2).
  const at = ctx.clock.now().toISOString();
  for (const inbound of ctx.store.inboundMessages.values()) {
    if (inbound.phoneNumberId === number.phoneNumberId && inbound.from === target.from && inbound.receivedAt <= target.receivedAt) {
      inbound.readAt ??= at;
    }
  }
  target.typingIndicator = request.typingIndicator;
  return { body: { success: true }, holdMs: 0 };
}

/** Template sends are checked synchronously: 132001 (missing/not approved), 132015/132016, 132000/132012. */
function requireSendableTemplate(ctx: EmulatorContext, number: PhoneNumber, payload: Record<string, unknown>): Template {
  const name = String(payload['name']);
  const language = String((payload['language'] as Record<string, unknown>)['code']);
  const template = ctx.store.findTemplate(number.wabaId, name, language);
  if (!template || !['APPROVED', 'PAUSED', 'DISABLED'].includes(template.status)) {
    throw new GraphError({ code: 132001, details: `template name (${name}) does not exist in ${language}` });
  }
  if (template.status === 'PAUSED') throw new GraphError({ code: 132015, details: `Template ${name} is paused.` });
  if (template.status === 'DISABLED') throw new GraphError({ code: 132016, details: `Template ${name} is disabled.` });
  const problem = checkTemplateParameters(template, payload['components']);
  if (problem) throw new GraphError(problem);
  return template;
}

/**
 * Problems Meta reports *after* accepting the send, as a `failed` status webhook.
 * 24-hour window: Meta accepts a free-form message outside the window (200 + wamid) and then sends a
 * `failed` status with 131047 — the asynchronous path Meta's error docs and client reports describe
 * for Cloud API today (payloads/SOURCES.md: "in practice 131047 is usually reported asynchronously").
 */
function asyncFailure(ctx: EmulatorContext, number: PhoneNumber, request: MessageRequest, waId: string): SentMessage['failure'] {
  const last = ctx.store.lastInboundMs(number.phoneNumberId, waId);
  if (requiresServiceWindow(request.type) && !isServiceWindowOpen(last, ctx.clock.nowMs())) {
    return { code: 131047, details: WINDOW_CLOSED_DETAILS };
  }
  const mediaId = request.payload['id'];
  if (typeof mediaId === 'string' && request.type !== 'reaction' && !ctx.store.media.has(mediaId)) {
    return { code: 131053, details: `Unable to retrieve media with id ${mediaId}.` };
  }
  if (request.type === 'reaction') {
    const target = String(request.payload['message_id']);
    if (!ctx.store.inboundMessages.has(target) && !ctx.store.sentMessages.has(target)) {
      return { code: 131009, details: 'Reaction target message does not exist or cannot be reacted to.' };
    }
  }
  return undefined;
}

/** Per-message pricing (REFERENCE.md §7): templates bill by category; utility in an open window and service messages are free. */
function pricingFor(ctx: EmulatorContext, number: PhoneNumber, waId: string, template: Template | undefined): SentMessage['pricing'] {
  if (!template) return buildPricing({ category: 'service', type: 'free_customer_service' });
  const category = template.category.toLowerCase();
  const windowOpen = isServiceWindowOpen(ctx.store.lastInboundMs(number.phoneNumberId, waId), ctx.clock.nowMs());
  return buildPricing({ category, type: category === 'utility' && windowOpen ? 'free_customer_service' : 'regular' });
}

function acceptMessage(ctx: EmulatorContext, number: PhoneNumber, request: MessageRequest, rawBody: Record<string, unknown>): SentMessage {
  const waId = toWaId(request.to);
  if (waId === toWaId(number.displayPhoneNumber)) throw new GraphError({ code: 131021, details: 'Recipient cannot be sender.' });
  const template = request.type === 'template' ? requireSendableTemplate(ctx, number, request.payload) : undefined;
  if (ctx.faults.take('rateLimit') || !ctx.throughput.tryAcquire(number.phoneNumberId)) {
    throw new GraphError({ code: 130429, subcode: 2494055, details: THROUGHPUT_DETAILS });
  }
  const failure = asyncFailure(ctx, number, request, waId);
  const message: SentMessage = {
    wamid: createWamid(waId, 'outbound'), phoneNumberId: number.phoneNumberId, to: request.to, waId,
    type: request.type, request: rawBody, acceptedAt: ctx.clock.now().toISOString(), statuses: [],
    pricing: pricingFor(ctx, number, waId, template),
    ...(request.bizOpaqueCallbackData !== undefined ? { bizOpaqueCallbackData: request.bizOpaqueCallbackData } : {}),
    ...(failure ? { failure } : {}),
  };
  ctx.store.sentMessages.set(message.wamid, message);
  return message;
}

/** `POST /{phone-number-id}/messages`: validate, apply Meta's rules, record, answer, start the lifecycle. */
export function sendMessage(ctx: EmulatorContext, number: PhoneNumber, rawBody: unknown): SendResult {
  const request = validateSendRequest(rawBody);
  if (request.kind === 'mark-read') return markRead(ctx, number, request);
  const message = acceptMessage(ctx, number, request, rawBody as Record<string, unknown>);
  deliverToRecipient(ctx, message);
  const holdMs = ctx.faults.take('timeoutAfterAccept') ? ctx.faults.timeoutAfterAcceptMs : 0;
  return {
    body: { messaging_product: 'whatsapp', contacts: [{ input: request.to, wa_id: message.waId }], messages: [{ id: message.wamid }] },
    holdMs,
  };
}
