import {
  buildInboundMessage, buildStatus, buildWebhookEnvelope, buildWebhookError, signWebhookBody, SIGNATURE_HEADER,
  toMetaJson, type WebhookAnyInboundMessage, type WebhookContact, type WebhookStatus, type WebhookStatusValue,
} from '@valeo/cloud-api';
import type { ChannelContext, RawWebhookRequest } from '../messaging-provider.js';

/** A simulated customer message; `text` is shorthand for a text message. */
export type FakeInboundMessage = {
  from: string;
  wamid: string;
  profileName?: string;
  /** @defaultValue now */
  timestamp?: Date;
  text?: string;
  /** Any other Cloud API type and its object, e.g. `{ type: 'image', content: { id, mime_type } }`. */
  type?: string;
  content?: Record<string, unknown>;
  contextWamid?: string;
};

export type FakeStatusUpdate = {
  wamid: string;
  status: WebhookStatusValue;
  recipientId: string;
  /** Our message id, echoed back as Meta does. */
  bizOpaqueCallbackData?: string;
  /** @defaultValue now */
  timestamp?: Date;
  /** Graph error code for a `failed` status. */
  errorCode?: number;
};

export type FakeWebhookItems = { messages?: FakeInboundMessage[]; statuses?: FakeStatusUpdate[] };

/**
 * Builds a Cloud API webhook body with the shared `@valeo/cloud-api` builders, so anything the fake
 * emits goes through exactly the parser the real provider uses.
 */
export function buildFakeWebhookBody(ctx: Pick<ChannelContext, 'wabaId' | 'phoneNumberId'>, items: FakeWebhookItems): Record<string, unknown> {
  const messages = (items.messages ?? []).map((m) => toInbound(m, ctx.phoneNumberId));
  const statuses = (items.statuses ?? []).map(toStatus);
  const contacts: WebhookContact[] = (items.messages ?? []).map((m) =>
    (m.profileName === undefined ? { wa_id: m.from } : { profile: { name: m.profileName }, wa_id: m.from }));
  const value: Record<string, unknown> = {};
  if (messages.length > 0) Object.assign(value, { contacts, messages });
  if (statuses.length > 0) value['statuses'] = statuses;
  return buildWebhookEnvelope({
    wabaId: ctx.wabaId,
    phoneNumberId: ctx.phoneNumberId,
    displayPhoneNumber: ctx.phoneNumberId,
    value,
  }) as unknown as Record<string, unknown>;
}

/** Serialises like Meta (ASCII-escaped JSON) and signs with the app secret. */
export function signFakeWebhook(body: unknown, appSecret: string): RawWebhookRequest {
  const rawBody = Buffer.from(toMetaJson(body), 'utf8');
  return {
    rawBody,
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signWebhookBody(rawBody, appSecret) },
  };
}

function toInbound(m: FakeInboundMessage, businessNumber: string): WebhookAnyInboundMessage {
  const type = m.type ?? 'text';
  const content = m.content ?? { body: m.text ?? '' };
  return buildInboundMessage({
    from: m.from,
    id: m.wamid,
    timestamp: m.timestamp ?? new Date(),
    // The builder's content type is the union of known types; the fake also allows any other type.
    content: { type, [type]: content } as never,
    ...(m.contextWamid === undefined ? {} : { context: { from: businessNumber, id: m.contextWamid } }),
  });
}

function toStatus(s: FakeStatusUpdate): WebhookStatus {
  return buildStatus({
    messageId: s.wamid,
    status: s.status,
    timestamp: s.timestamp ?? new Date(),
    recipientId: s.recipientId,
    ...(s.bizOpaqueCallbackData === undefined ? {} : { bizOpaqueCallbackData: s.bizOpaqueCallbackData }),
    ...(s.errorCode === undefined ? {} : { errors: [buildWebhookError({ code: s.errorCode })] }),
  });
}
