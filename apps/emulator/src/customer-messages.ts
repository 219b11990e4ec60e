import {
  buildInboundMessage, buildInboundMessageValue, type InboundMessageContent, type WebhookInboundMessage,
} from '@valeo/cloud-api';
import type { EmulatorContext } from './context.js';
import { notFound } from './errors.js';
import { createWamid, toWaId } from './ids.js';
import { createMedia, mediaDownloadUrl } from './media.js';
import type { InboundMessage, PhoneNumber } from './state/types.js';
import { messagesEnvelope } from './webhook-payloads.js';

/** What a simulated customer sends: `{type, <type>: {...}, context?, referral?}` as in Meta's webhook. */
export type CustomerMessage = { type: string; context?: Record<string, unknown> } & Record<string, unknown>;

export type CustomerMessageInput = {
  phoneNumberId: string;
  from: string;
  name?: string;
  message: CustomerMessage;
};

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  image: 'image/jpeg',
  video: 'video/mp4',
  audio: 'audio/ogg',
  document: 'application/pdf',
  sticker: 'image/webp',
};

/**
 * Media a customer sends exists as a media object (so `GET /{media-id}` and the download work);
 * `data` (base64) provides its bytes, otherwise a small placeholder is stored.
 */
function materializeMedia(ctx: EmulatorContext, phoneNumberId: string, type: string, payload: Record<string, unknown>): Record<string, unknown> {
  const { data, mime_type: mimeType, id: _ignored, url: _url, sha256: _sha, ...rest } = payload;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'base64') : Buffer.from(`emulated ${type} from a customer`);
  const media = createMedia(ctx, {
    phoneNumberId,
    data: bytes,
    mimeType: typeof mimeType === 'string' ? mimeType : (MEDIA_TYPES[type] ?? 'application/octet-stream'),
    origin: 'inbound',
    ...(typeof rest['filename'] === 'string' ? { filename: rest['filename'] } : {}),
  });
  return {
    ...rest,
    mime_type: media.mimeType,
    sha256: Buffer.from(media.sha256, 'hex').toString('base64'),
    id: media.id,
    url: mediaDownloadUrl(ctx, media),
  };
}

/** Accepts Meta's `context: {from?, id}` and our shorthand `context: {message_id}`. */
function toWebhookContext(number: PhoneNumber, context: Record<string, unknown>): { from: string; id: string } {
  const from = typeof context['from'] === 'string' ? context['from'] : toWaId(number.displayPhoneNumber);
  return { from, id: String(context['id'] ?? context['message_id'] ?? '') };
}

function toWebhookMessage(ctx: EmulatorContext, number: PhoneNumber, input: CustomerMessageInput, wamid: string): WebhookInboundMessage {
  const { type, context, referral, ...fields } = input.message;
  const payload = fields[type];
  if (MEDIA_TYPES[type] && payload && typeof payload === 'object') {
    fields[type] = materializeMedia(ctx, number.phoneNumberId, type, payload as Record<string, unknown>);
  }
  // Any type passes through: the emulator also simulates types newer than the shared schemas.
  const content = { type, ...fields } as unknown as InboundMessageContent;
  return buildInboundMessage({
    from: toWaId(input.from),
    id: wamid,
    timestamp: ctx.clock.now(),
    content,
    ...(context ? { context: toWebhookContext(number, context) } : {}),
    ...(referral ? { referral: referral as NonNullable<Parameters<typeof buildInboundMessage>[0]['referral']> } : {}),
  });
}

/**
 * A customer message arrives: it opens/refreshes the 24-hour window, is kept for the control API
 * and is delivered as a signed `messages` webhook (with `contacts[]`, except for `system` messages).
 */
export function receiveCustomerMessage(ctx: EmulatorContext, input: CustomerMessageInput): InboundMessage {
  const number = ctx.store.phoneNumbers.get(input.phoneNumberId);
  if (!number) throw notFound('Phone number', input.phoneNumberId);
  const waId = toWaId(input.from);
  const wamid = createWamid(waId, 'inbound');
  const message = toWebhookMessage(ctx, number, input, wamid);
  const name = input.name ?? ctx.store.findPersona(number.phoneNumberId, waId)?.name ?? `Customer ${waId.slice(-4)}`;
  const inbound: InboundMessage = {
    wamid, phoneNumberId: number.phoneNumberId, from: waId, name, type: input.message.type, message,
    receivedAt: ctx.clock.now().toISOString(), readAt: null, typingIndicator: false,
  };
  ctx.store.inboundMessages.set(wamid, inbound);
  ctx.store.recordInboundAt(number.phoneNumberId, waId, ctx.clock.nowMs());
  // `system` messages (e.g. user_changed_number) carry no contacts[] (REFERENCE.md §4.3).
  const value = input.message.type === 'system'
    ? { messages: [message] }
    : buildInboundMessageValue({ waId, profileName: name, messages: message });
  ctx.dispatcher.dispatch('message', number, messagesEnvelope(number, value));
  return inbound;
}
