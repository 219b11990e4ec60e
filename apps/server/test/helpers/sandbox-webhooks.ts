import { createHash, randomBytes } from 'node:crypto';
import {
  buildInboundMessage, buildInboundMessageValue, buildStatus, buildWebhookEnvelope, signWebhookBody, toMetaJson,
  type BuildStatusInput, type InboundMessageContent, type WebhookAnyInboundMessage,
} from '@valeo/cloud-api';
import { SANDBOX_NUMBER } from '../../src/composition/bootstrap.js';
import type { TestHub } from './start-test-hub.js';

/**
 * Builds, signs and POSTs Cloud API webhooks to a running Hub as Meta would for its sandbox number:
 * Meta-style bytes (`toMetaJson`), `X-Hub-Signature-256` over exactly those bytes with the channel's
 * app secret. Tests that need a broken request pass their own headers or bytes.
 */
export type SandboxWebhooks = {
  phoneNumberId: string;
  appSecret: string;
  /** Meta-style bytes of an envelope for `phoneNumberId` (another number when given). */
  envelope(value: Record<string, unknown>, opts?: { phoneNumberId?: string }): string;
  /** Bytes of one inbound message (`content` = `{type, <type>: {...}}`) from `from`. */
  inbound(input: { from: string; wamid: string; content: Record<string, unknown>; at?: Date; phoneNumberId?: string }): string;
  /** Bytes of one POST carrying `statuses`. */
  statuses(statuses: BuildStatusInput[]): string;
  /** POSTs `rawBody` signed with the channel secret; `signature: null` sends no header, a string sends that header. */
  post(rawBody: string | Buffer, opts?: { signature?: string | null; secret?: string; path?: string }): Promise<WebhookAnswer>;
};

export type WebhookAnswer = { status: number; contentType: string | null; text: string };

export async function sandboxWebhooks(hub: TestHub): Promise<SandboxWebhooks> {
  if (!hub.sandbox) throw new Error('the hub has no sandbox channel');
  const channel = await hub.container.channels.service.getChannelContext(hub.tenantId, hub.sandbox.channelId);
  const appSecret = channel.appSecret;
  if (!appSecret) throw new Error('the sandbox channel has no app secret');
  const envelope = (value: Record<string, unknown>, opts: { phoneNumberId?: string } = {}) => toMetaJson(buildWebhookEnvelope({
    wabaId: SANDBOX_NUMBER.wabaId,
    phoneNumberId: opts.phoneNumberId ?? SANDBOX_NUMBER.phoneNumberId,
    displayPhoneNumber: SANDBOX_NUMBER.displayPhoneNumber.replace(/\D/g, ''),
    value,
  }));
  return {
    phoneNumberId: SANDBOX_NUMBER.phoneNumberId,
    appSecret,
    envelope,
    inbound: (input) => envelope(buildInboundMessageValue({
      waId: input.from,
      profileName: 'Test Kunde',
      messages: inboundMessage(input) as WebhookAnyInboundMessage,
    }) as Record<string, unknown>, input.phoneNumberId === undefined ? {} : { phoneNumberId: input.phoneNumberId }),
    statuses: (statuses) => envelope({ statuses: statuses.map(buildStatus) }),
    async post(rawBody, opts = {}) {
      const signature = opts.signature === undefined ? signWebhookBody(rawBody, opts.secret ?? appSecret) : opts.signature;
      const response = await fetch(`${hub.publicBaseUrl}${opts.path ?? '/webhooks/whatsapp'}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-hub-signature-256': signature }) },
        body: rawBody,
      });
      return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
    },
  };
}

function inboundMessage(input: { from: string; wamid: string; content: Record<string, unknown>; at?: Date }): unknown {
  return buildInboundMessage({
    from: input.from,
    id: input.wamid,
    timestamp: input.at ?? new Date(),
    content: input.content as InboundMessageContent,
  });
}

/** A wamid no other test uses (the shape of Meta's: `wamid.` + base64). */
export function uniqueWamid(): string {
  return `wamid.${randomBytes(24).toString('base64url')}`;
}

/** A German mobile number no persona and no other test uses. */
export function uniqueWaId(): string {
  return `49151${String(10_000_000 + Math.floor(Math.random() * 89_999_999))}`;
}

/** The hash `inbound_events.body_sha256` keys replays by. */
export function bodySha256(rawBody: string | Buffer): string {
  return createHash('sha256').update(rawBody).digest('hex');
}
