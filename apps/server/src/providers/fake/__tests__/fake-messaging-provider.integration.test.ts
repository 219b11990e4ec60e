import { describe, expect, it } from 'vitest';
import type { ChannelContext } from '../../messaging-provider.js';
import { ProviderError, ProviderErrorCode } from '../../provider-error.js';
import { defineMessagingProviderContractTests } from '../../__tests__/messaging-provider.contract.js';
import { FAKE_HELLO_WORLD, FakeMessagingProvider } from '../fake-messaging-provider.js';

const ctx: ChannelContext = {
  channelId: 'ch_fake',
  phoneNumberId: '100200300',
  wabaId: '900800700',
  accessToken: 'fake-token',
  appSecret: 'fake-secret',
  graphBaseUrl: 'http://fake.invalid',
  graphApiVersion: 'v24.0',
};

defineMessagingProviderContractTests('fake', async () => {
  const provider = new FakeMessagingProvider({ invalidRecipients: ['4915199999999'] });
  provider.templates.push({ ...FAKE_HELLO_WORLD, id: 'fake-pending', name: 'angebot', language: 'de', status: 'PENDING' });
  return {
    provider,
    ctx,
    recipient: '4915100000001',
    invalidRecipient: '4915199999999',
    template: { name: 'hello_world', language: { code: 'en_US' } },
    listedTemplates: { approved: { name: 'hello_world', language: 'en_US' }, notApproved: { name: 'angebot', language: 'de', status: 'PENDING' } },
    receiveWebhook: async () => ({
      request: provider.webhook(ctx, {
        messages: [
          { from: '4915100000001', wamid: 'wamid.in-1', text: 'Hallo', profileName: 'Erika' },
          { from: '4915100000002', wamid: 'wamid.in-2', text: 'Grüß Gott 👋' },
        ],
        statuses: [
          { wamid: 'wamid.out-1', status: 'delivered', recipientId: '4915100000001', bizOpaqueCallbackData: 'msg_1' },
          { wamid: 'wamid.out-2', status: 'failed', recipientId: '4915100000003', errorCode: 131026 },
        ],
      }),
      expected: [
        { kind: 'message', wamid: 'wamid.in-1' },
        { kind: 'message', wamid: 'wamid.in-2' },
        { kind: 'status', wamid: 'wamid.out-1' },
        { kind: 'status', wamid: 'wamid.out-2' },
      ],
    }),
  };
});

describe('FakeMessagingProvider scripting', () => {
  const text = { id: 'msg_1', to: '4915100000001', type: 'text' as const, content: { body: 'hi' } };

  it('records sent messages with their channel and returned id', async () => {
    const fake = new FakeMessagingProvider();
    const { providerMessageId } = await fake.send(text, ctx);
    expect(fake.sent).toEqual([{ message: text, channelId: 'ch_fake', providerMessageId }]);
    expect(fake.calls.map((c) => [c.name, c.outcome])).toEqual([['send', 'ok']]);
  });

  it('plays queued outcomes in order, then succeeds again', async () => {
    const fake = new FakeMessagingProvider()
      .failNext('send', ProviderErrorCode.RATE_LIMITED, { retryAfterMs: 1_000, vendorCode: 130429 })
      .enqueue('send', { providerMessageId: 'wamid.scripted' });
    await expect(fake.send(text, ctx)).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 1_000, vendorCode: 130429 });
    await expect(fake.send(text, ctx)).resolves.toEqual({ providerMessageId: 'wamid.scripted' });
    await expect(fake.send(text, ctx)).resolves.toEqual({ providerMessageId: expect.stringMatching(/^wamid\.fake-/) });
    expect(fake.sent).toHaveLength(2);
    expect(fake.calls[0]?.outcome).toBeInstanceOf(ProviderError);
  });

  it('scripts markRead and media failures', async () => {
    const fake = new FakeMessagingProvider()
      .failNext('markRead', ProviderErrorCode.AUTH_FAILED)
      .failNext('uploadMedia', ProviderErrorCode.TEMPORARY);
    await expect(fake.markRead('wamid.x', ctx)).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    await expect(fake.uploadMedia({ data: Buffer.from('x'), mimeType: 'image/png' }, ctx)).rejects.toMatchObject({ code: 'TEMPORARY' });
    await fake.markRead('wamid.y', ctx);
    expect(fake.markedRead).toEqual([{ wamid: 'wamid.y', channelId: 'ch_fake' }]);
  });

  it('emits a signed status webhook that echoes our message id', async () => {
    const fake = new FakeMessagingProvider();
    await fake.send(text, ctx);
    const sent = fake.sent[0];
    if (sent === undefined) throw new Error('nothing sent');
    const request = fake.statusWebhook(ctx, sent, 'failed', 131047);
    expect(fake.verifyWebhook(request, ctx.appSecret)).toEqual({ ok: true });
    expect(fake.parseWebhook(JSON.parse(request.rawBody.toString()))).toEqual([expect.objectContaining({
      kind: 'status', wamid: sent.providerMessageId, status: 'failed', bizOpaqueCallbackData: 'msg_1',
      errors: [expect.objectContaining({ code: 131047 })],
    })]);
  });

  it('serves media put as if a customer had sent it', async () => {
    const fake = new FakeMessagingProvider();
    const mediaId = fake.putMedia(Buffer.from('voice'), 'audio/ogg; codecs=opus');
    const media = await fake.downloadMedia(mediaId, ctx, { maxBytes: 100, allowedMimeTypes: ['audio/ogg'] });
    expect(media.data.toString()).toBe('voice');
  });

  it('reset forgets everything', async () => {
    const fake = new FakeMessagingProvider().failNext('send', ProviderErrorCode.UNKNOWN);
    fake.reset();
    await fake.send(text, ctx);
    expect(fake.sent).toHaveLength(1);
  });
});
