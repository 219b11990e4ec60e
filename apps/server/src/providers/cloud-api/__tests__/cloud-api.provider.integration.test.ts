import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelContext } from '../../messaging-provider.js';
import { isProviderError, type ProviderError } from '../../provider-error.js';
import { defineMessagingProviderContractTests } from '../../__tests__/messaging-provider.contract.js';
import { CloudApiProvider } from '../cloud-api.provider.js';
import { BUSINESS_DISPLAY_NUMBER, startEmulatorSandbox, type EmulatorSandbox } from './emulator-sandbox.js';

const CUSTOMER = '4915100000001';
const HELLO_WORLD = { name: 'hello_world', language: { code: 'en_US' } };

let sandbox: EmulatorSandbox;
beforeAll(async () => { sandbox = await startEmulatorSandbox(); });
afterAll(async () => { await sandbox.close(); });

type RecordedMessage = { wamid: string; body: Record<string, unknown> };

async function recorded(ctx: ChannelContext): Promise<RecordedMessage[]> {
  const { messages } = await sandbox.control<{ messages: RecordedMessage[] }>('GET', `/_emulator/messages?phoneNumberId=${ctx.phoneNumberId}`);
  return messages;
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!isProviderError(error)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

defineMessagingProviderContractTests('cloud-api against the emulator', async () => {
  const ctx = await sandbox.freshChannel();
  await sandbox.customerSays(ctx, CUSTOMER, 'Hallo, ich habe eine Frage'); // opens the 24-hour window
  await sandbox.control('POST', '/_emulator/templates', {
    wabaId: ctx.wabaId, status: 'PENDING',
    template: { name: 'angebot', language: 'de', category: 'MARKETING', components: [{ type: 'BODY', text: 'Unser Angebot für {{1}}', example: { body_text: [['Sie']] } }] },
  });
  return {
    provider: new CloudApiProvider(),
    ctx,
    recipient: CUSTOMER,
    // Meta refuses a message to the business's own number synchronously (131021).
    invalidRecipient: BUSINESS_DISPLAY_NUMBER.replace(/\D/g, ''),
    template: HELLO_WORLD,
    listedTemplates: { approved: { name: 'hello_world', language: 'en_US' }, notApproved: { name: 'angebot', language: 'de', status: 'PENDING' } },
    receiveWebhook: async () => {
      const { wamid, webhook } = await sandbox.customerSays(ctx, '4915100000002', 'Grüß Gott 👋');
      return { request: webhook, expected: [{ kind: 'message', wamid }] };
    },
  };
});

describe('CloudApiProvider against the emulator', () => {
  let ctx: ChannelContext;
  const provider = new CloudApiProvider();

  beforeEach(async () => {
    ctx = await sandbox.freshChannel();
    await sandbox.customerSays(ctx, CUSTOMER, 'Hallo');
  });

  it('sends exactly the documented text body, with our id as biz_opaque_callback_data', async () => {
    const { providerMessageId } = await provider.send(
      { id: 'msg_01', to: CUSTOMER, type: 'text', content: { body: 'Ihre Bestellung ist unterwegs', preview_url: false }, replyToWamid: 'wamid.IN1' },
      ctx,
    );
    const [message] = await recorded(ctx);
    expect(message?.wamid).toBe(providerMessageId);
    expect(message?.body).toStrictEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: CUSTOMER,
      type: 'text',
      text: { body: 'Ihre Bestellung ist unterwegs', preview_url: false },
      biz_opaque_callback_data: 'msg_01',
      context: { message_id: 'wamid.IN1' },
    });
  });

  it('sends exactly the template body', async () => {
    await provider.send({ id: 'msg_02', to: CUSTOMER, type: 'template', content: HELLO_WORLD }, ctx);
    const [message] = await recorded(ctx);
    expect(message?.body).toStrictEqual({
      messaging_product: 'whatsapp', recipient_type: 'individual', to: CUSTOMER, type: 'template',
      template: HELLO_WORLD, biz_opaque_callback_data: 'msg_02',
    });
  });

  it('sends an uploaded image by id', async () => {
    const { mediaId } = await provider.uploadMedia({ data: Buffer.from('fake png bytes'), mimeType: 'image/png', filename: 'a.png' }, ctx);
    await provider.send({ id: 'msg_03', to: CUSTOMER, type: 'image', content: { id: mediaId, caption: 'Rechnung' } }, ctx);
    const [message] = await recorded(ctx);
    expect(message?.body).toStrictEqual({
      messaging_product: 'whatsapp', recipient_type: 'individual', to: CUSTOMER, type: 'image',
      image: { id: mediaId, caption: 'Rechnung' }, biz_opaque_callback_data: 'msg_03',
    });
  });

  it('marks an inbound message read', async () => {
    const { wamid } = await sandbox.customerSays(ctx, CUSTOMER, 'Noch eine Frage');
    await provider.markRead(wamid, ctx);
    const { messages } = await sandbox.control<{ messages: Array<{ wamid: string; readAt: string | null }> }>(
      'GET', `/_emulator/inbound?phoneNumberId=${ctx.phoneNumberId}`);
    expect(messages.find((m) => m.wamid === wamid)?.readAt).not.toBeNull();
  });

  it('an unknown token → AUTH_FAILED (190)', async () => {
    const error = await failure(provider.send({ id: 'm', to: CUSTOMER, type: 'text', content: { body: 'x' } }, { ...ctx, accessToken: 'revoked' }));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', vendorCode: 190 });
  });

  it('lists templates across pages, following the after cursor', async () => {
    for (let i = 0; i < 120; i += 1) {
      await sandbox.control('POST', '/_emulator/templates', {
        wabaId: ctx.wabaId, template: { name: `vorlage_${i}`, language: 'de', category: 'UTILITY', components: [{ type: 'BODY', text: `Vorlage ${i}` }] },
      });
    }
    const templates = await provider.listTemplates(ctx);
    expect(templates).toHaveLength(121); // + hello_world
    expect(new Set(templates.map((t) => t.name)).size).toBe(121);
    expect(templates.find((t) => t.name === 'vorlage_119')).toMatchObject({ language: 'de', status: 'APPROVED', components: [{ type: 'BODY', text: 'Vorlage 119' }] });
  });

  it('a missing template → TEMPLATE_INVALID (132001)', async () => {
    const error = await failure(provider.send({ id: 'm', to: CUSTOMER, type: 'template', content: { name: 'nope', language: { code: 'de' } } }, ctx));
    expect(error).toMatchObject({ code: 'TEMPLATE_INVALID', vendorCode: 132001 });
  });

  it('130429 under the rateLimit fault → RATE_LIMITED with retryAfterMs', async () => {
    await sandbox.control('POST', '/_emulator/faults', { rateLimit: 1 });
    const error = await failure(provider.send({ id: 'm', to: CUSTOMER, type: 'text', content: { body: 'x' } }, ctx));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', vendorCode: 130429 });
    expect(error.retryAfterMs).toBeGreaterThan(0);
    expect(await recorded(ctx)).toHaveLength(0);
  });

  it.each([[131000], [2]])('a server error fault (Graph %i) → TEMPORARY', async (code) => {
    await sandbox.control('POST', '/_emulator/faults', { serverErrors: { count: 1, code } });
    const error = await failure(provider.send({ id: 'm', to: CUSTOMER, type: 'text', content: { body: 'x' } }, ctx));
    expect(error).toMatchObject({ code: 'TEMPORARY', vendorCode: code });
  });

  it('timeoutAfterAccept with a short client timeout → OUTCOME_UNKNOWN, and the message WAS accepted', async () => {
    await sandbox.control('POST', '/_emulator/faults', { timeoutAfterAccept: { count: 1, ms: 5_000 } });
    const impatient = new CloudApiProvider({ timeoutMs: 100 });
    const error = await failure(impatient.send({ id: 'msg_amb', to: CUSTOMER, type: 'text', content: { body: 'x' } }, ctx));
    expect(error.code).toBe('OUTCOME_UNKNOWN');
    // Why it must not be resent blindly: the emulator (like Meta) already has it.
    expect((await recorded(ctx)).map((m) => m.body['biz_opaque_callback_data'])).toEqual(['msg_amb']);
  });

  it('connection refused → TEMPORARY', async () => {
    const port = await closedPort();
    const error = await failure(provider.send({ id: 'm', to: CUSTOMER, type: 'text', content: { body: 'x' } }, { ...ctx, graphBaseUrl: `http://127.0.0.1:${port}` }));
    expect(error.code).toBe('TEMPORARY');
  });

  it('downloads media a customer sent, verifying the sha256 the emulator declared', async () => {
    const data = Buffer.from('%PDF-1.7 Lieferschein');
    const { message } = await sandbox.control<{ message: { document: { id: string } } }>('POST', '/_emulator/inbound', {
      phoneNumberId: ctx.phoneNumberId, from: CUSTOMER,
      message: { type: 'document', document: { data: data.toString('base64'), mime_type: 'application/pdf', filename: 'ls.pdf' } },
    });
    const media = await provider.downloadMedia(message.document.id, ctx, { maxBytes: 1024, allowedMimeTypes: ['application/pdf'] });
    expect(media.data.equals(data)).toBe(true);
  });

  it('refuses media of another number (phone_number_id scoping)', async () => {
    const { mediaId } = await provider.uploadMedia({ data: Buffer.from('x'), mimeType: 'image/png' }, ctx);
    const error = await failure(provider.downloadMedia(mediaId, { ...ctx, phoneNumberId: '999' }, { maxBytes: 1024 }));
    expect(error.code).toBe('INVALID_REQUEST');
  });
});

/** A port nothing listens on: bind, read the port, close. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
