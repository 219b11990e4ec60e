import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataPage, Message } from '@valeo/contracts';
import { eventually } from '../../../../test/helpers/eventually.js';
import { startTestHub, type TestHub } from '../../../../test/helpers/start-test-hub.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { SANDBOX_NUMBER } from '../../../composition/bootstrap.js';
import type { DomainEventMap } from '../../../core/events/domain-events.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 1, 2, 3, 4]);
const CUSTOMER = '4915100000031';

/** Inbound and outbound media reach the message view as `media`, and a finished download is announced live. */
describe(`message view with media through the running Hub (${testDialect()})`, () => {
  let hub: TestHub;
  const stored: DomainEventMap['media.stored'][] = [];

  beforeAll(async () => {
    hub = await startTestHub();
    hub.container.events.subscribe('media.stored', (payload) => { stored.push(payload); });
  });
  afterAll(async () => hub?.stop());

  it('an inbound image is stored with type and size, announced by media.stored naming its conversation', async () => {
    await hub.emulator('POST', '/_emulator/inbound', {
      phoneNumberId: SANDBOX_NUMBER.phoneNumberId, from: CUSTOMER, name: 'Bildkunde',
      message: { type: 'image', image: { caption: 'Der Schaden', mime_type: 'image/png', data: PNG.toString('base64') } },
    });
    const event = await eventually(() => {
      expect(stored).toHaveLength(1);
      return stored[0]!;
    });
    const message = await hub.api(`/api/v1/messages/${event.messageId}`);
    const view = message.body as Message;
    expect(view).toMatchObject({ type: 'image', direction: 'inbound', conversationId: event.conversationId });
    expect(view.media).toEqual({ id: event.mediaId, status: 'stored', mimeType: 'image/png', fileName: null, size: PNG.length });
    expect(event.tenantId).toBe(hub.tenantId);

    const page = await hub.api(`/api/v1/conversations/${event.conversationId}/messages`);
    expect((page.body as DataPage<Message>).data.find((m) => m.id === event.messageId)?.media?.id).toBe(event.mediaId);
    const content = await fetch(`${hub.publicBaseUrl}/api/v1/media/${event.mediaId}/content`, { headers: hub.auth });
    expect(content.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await content.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('an outbound image sent by the id of our upload shows that upload; text messages have media null', async () => {
    const form = new FormData();
    form.set('channelId', hub.sandbox!.channelId);
    form.set('file', new Blob([PNG], { type: 'image/png' }), 'angebot.png');
    const uploaded = await fetch(`${hub.publicBaseUrl}/api/v1/media`, { method: 'POST', headers: hub.auth, body: form });
    expect(uploaded.status).toBe(201);
    const upload = (await uploaded.json()) as { id: string; providerMediaId: string };

    const sent = await hub.api('/api/v1/messages', {
      method: 'POST',
      body: { channelId: hub.sandbox!.channelId, to: `+${CUSTOMER}`, type: 'image', image: { id: upload.providerMediaId, caption: 'Ihr Angebot' } },
    });
    expect(sent.status).toBe(202);
    const { id } = sent.body as { id: string };
    const view = (await hub.api(`/api/v1/messages/${id}`)).body as Message;
    expect(view.media).toEqual({ id: upload.id, status: 'uploaded', mimeType: 'image/png', fileName: 'angebot.png', size: PNG.length });

    const text = await hub.api('/api/v1/messages', {
      method: 'POST', body: { channelId: hub.sandbox!.channelId, to: `+${CUSTOMER}`, type: 'text', text: { body: 'Danke' } },
    });
    expect(((await hub.api(`/api/v1/messages/${(text.body as { id: string }).id}`)).body as Message).media).toBeNull();
  });

  it("another tenant's upload id sent as media does not show that tenant's medium", async () => {
    const other = await hub.container.tenants.tenants.createTenant({ name: 'Fremd', slug: 'fremd-media' });
    const mine = await hub.api(`/api/v1/messages?limit=100`);
    const withMedia = (mine.body as DataPage<Message>).data.filter((m) => m.media !== null);
    expect(withMedia.length).toBeGreaterThan(0);
    const rows = await hub.container.media.service.forMessages(other.id, withMedia.map((m) => ({
      messageId: m.id, channelId: m.channelId, direction: m.direction,
      providerMediaId: typeof (m.content as Record<string, unknown>)['id'] === 'string' ? (m.content as Record<string, string>)['id'] : undefined,
    })));
    expect(rows.size).toBe(0);
  });
});
