import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelContext, InboundEvent, MessagingProvider, RawWebhookRequest } from '../messaging-provider.js';
import { isProviderError, ProviderErrorCode, type ProviderError } from '../provider-error.js';

/** One item a webhook is known to carry. */
export type ExpectedWebhookItem = { kind: 'message' | 'status'; wamid: string };

/** What an adapter's integration test provides to the shared suite. */
export type MessagingProviderContractHarness = {
  provider: MessagingProvider;
  ctx: ChannelContext;
  /** A recipient the backend lets us send free-form text to right now (inside the 24-hour window). */
  recipient: string;
  /** A recipient the backend refuses synchronously. */
  invalidRecipient: string;
  /** `content` of a template send the backend accepts. */
  template: Record<string, unknown>;
  /** An APPROVED template the backend lists for `ctx` (e.g. hello_world), and one it lists as not approved. */
  listedTemplates: { approved: { name: string; language: string }; notApproved?: { name: string; language: string; status: string } };
  /**
   * Makes the backend produce a webhook signed with `ctx.appSecret`, with at least one customer
   * message, and resolves with the raw request and the items it carries.
   */
  receiveWebhook(): Promise<{ request: RawWebhookRequest; expected: ExpectedWebhookItem[] }>;
  teardown?(): Promise<void>;
};

const CLOSED_SET: readonly string[] = Object.values(ProviderErrorCode);

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(isProviderError(error), `expected a ProviderError, got ${String(error)}`).toBe(true);
  const providerError = error as ProviderError;
  expect(CLOSED_SET).toContain(providerError.code);
  return providerError;
}

function itemsOf(events: InboundEvent[]): ExpectedWebhookItem[] {
  return events.flatMap((e) => (e.kind === 'message' || e.kind === 'status' ? [{ kind: e.kind, wamid: e.wamid }] : []));
}

/**
 * The behaviour every `MessagingProvider` adapter must show (house rule 2). Run it from each
 * adapter's integration test: `defineMessagingProviderContractTests('fake', async () => harness)`.
 * `setup` runs before each test and `teardown` after it, so each test starts from a clean backend.
 */
export function defineMessagingProviderContractTests(name: string, setup: () => Promise<MessagingProviderContractHarness>): void {
  describe(`MessagingProvider contract: ${name}`, () => {
    let h: MessagingProviderContractHarness;
    beforeEach(async () => { h = await setup(); });
    afterEach(async () => { await h.teardown?.(); });

    it('sends a text and returns a provider message id', async () => {
      const first = await h.provider.send({ id: 'ct-1', to: h.recipient, type: 'text', content: { body: 'Hallo', preview_url: false } }, h.ctx);
      const second = await h.provider.send({ id: 'ct-2', to: h.recipient, type: 'text', content: { body: 'Noch da?' } }, h.ctx);
      expect(first.providerMessageId).toEqual(expect.any(String));
      expect(first.providerMessageId).not.toBe('');
      expect(second.providerMessageId).not.toBe(first.providerMessageId);
    });

    it('sends a template', async () => {
      const result = await h.provider.send({ id: 'ct-3', to: h.recipient, type: 'template', content: h.template }, h.ctx);
      expect(result.providerMessageId).toEqual(expect.any(String));
    });

    it('rejects an invalid recipient with a permanent code from the closed set', async () => {
      const error = await rejection(h.provider.send({ id: 'ct-4', to: h.invalidRecipient, type: 'text', content: { body: 'x' } }, h.ctx));
      expect([ProviderErrorCode.TEMPORARY, ProviderErrorCode.OUTCOME_UNKNOWN, ProviderErrorCode.RATE_LIMITED]).not.toContain(error.code);
    });

    it('accepts a correctly signed webhook and rejects a tampered, unsigned or foreign one', async () => {
      const { request } = await h.receiveWebhook();
      expect(h.provider.verifyWebhook(request, h.ctx.appSecret)).toEqual({ ok: true });
      const tampered = Buffer.from(request.rawBody);
      const at = tampered.length - 2;
      tampered.writeUInt8((tampered.readUInt8(at) ^ 0x01), at);
      expect(h.provider.verifyWebhook({ ...request, rawBody: tampered }, h.ctx.appSecret)).toEqual({ ok: false, reason: 'SIGNATURE_INVALID' });
      expect(h.provider.verifyWebhook(request, `${h.ctx.appSecret}-other`)).toEqual({ ok: false, reason: 'SIGNATURE_INVALID' });
      expect(h.provider.verifyWebhook({ rawBody: request.rawBody, headers: {} }, h.ctx.appSecret)).toEqual({ ok: false, reason: 'SIGNATURE_MISSING' });
    });

    it('parses every item of a webhook', async () => {
      const { request, expected } = await h.receiveWebhook();
      const events = h.provider.parseWebhook(JSON.parse(request.rawBody.toString('utf8')));
      expect(itemsOf(events)).toEqual(expected);
      expect(events.every((e) => e.kind !== 'message' || e.phoneNumberId === h.ctx.phoneNumberId)).toBe(true);
    });

    it('rejects a malformed webhook body with INVALID_REQUEST', () => {
      expect(() => h.provider.parseWebhook({ hello: 'world' })).toThrow(expect.objectContaining({ code: 'INVALID_REQUEST' }));
    });

    it('marks a received message as read', async () => {
      const { expected } = await h.receiveWebhook();
      const inbound = expected.find((item) => item.kind === 'message');
      expect(inbound).toBeDefined();
      await expect(h.provider.markRead(inbound?.wamid ?? '', h.ctx)).resolves.toBeUndefined();
    });

    it("lists the business account's templates with their status and components", async () => {
      const templates = await h.provider.listTemplates(h.ctx);
      const approved = templates.find((t) => t.name === h.listedTemplates.approved.name && t.language === h.listedTemplates.approved.language);
      expect(approved).toMatchObject({ status: 'APPROVED', id: expect.any(String), parameterFormat: expect.stringMatching(/^(positional|named)$/) });
      expect(approved?.components.some((c) => c.type === 'BODY' && typeof c.text === 'string')).toBe(true);
      const other = h.listedTemplates.notApproved;
      if (other !== undefined) {
        expect(templates.find((t) => t.name === other.name && t.language === other.language)?.status).toBe(other.status);
      }
    });

    it('uploads media and downloads the same bytes', async () => {
      const data = randomBytes(4096);
      const { mediaId } = await h.provider.uploadMedia({ data, mimeType: 'image/png', filename: 'chart.png' }, h.ctx);
      const media = await h.provider.downloadMedia(mediaId, h.ctx, { maxBytes: 1024 * 1024, allowedMimeTypes: ['image/png', 'image/jpeg'] });
      expect(media.mimeType).toBe('image/png');
      expect(media.fileSize).toBe(data.length);
      expect(media.data.equals(data)).toBe(true);
    });

    it('refuses a download over the size limit or of a type not allowed', async () => {
      const { mediaId } = await h.provider.uploadMedia({ data: randomBytes(4096), mimeType: 'application/pdf', filename: 'a.pdf' }, h.ctx);
      const tooBig = await rejection(h.provider.downloadMedia(mediaId, h.ctx, { maxBytes: 1024 }));
      expect(tooBig.code).toBe(ProviderErrorCode.INVALID_REQUEST);
      const wrongType = await rejection(h.provider.downloadMedia(mediaId, h.ctx, { maxBytes: 1024 * 1024, allowedMimeTypes: ['image/*'] }));
      expect(wrongType.code).toBe(ProviderErrorCode.INVALID_REQUEST);
    });
  });
}
