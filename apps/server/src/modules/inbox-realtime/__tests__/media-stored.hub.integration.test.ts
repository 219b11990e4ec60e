import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../../test/helpers/eventually.js';
import { startTestHub, type TestHub } from '../../../../test/helpers/start-test-hub.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { SANDBOX_NUMBER } from '../../../composition/bootstrap.js';
import { openSse, type SseClient } from './sse-client.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 9, 9]);

/** A customer's photo: the message arrives live first, its image once the Hub has downloaded it. */
describe(`media.stored over the live stream (${testDialect()})`, () => {
  let hub: TestHub;
  let stream: SseClient | undefined;

  beforeAll(async () => { hub = await startTestHub(); });
  afterAll(async () => {
    stream?.close();
    await hub?.stop();
  });

  it('pushes message.received, then media.stored with the conversation, message and media ids', async () => {
    stream = await openSse(`${hub.publicBaseUrl}/api/v1/events`, hub.auth);
    expect(stream.status).toBe(200);
    await eventually(() => expect(hub.container.inboxRealtime.hub.stats().connections).toBe(1));
    await hub.emulator('POST', '/_emulator/inbound', {
      phoneNumberId: SANDBOX_NUMBER.phoneNumberId, from: '4915100000051', name: 'Foto Kundin',
      message: { type: 'image', image: { mime_type: 'image/png', data: PNG.toString('base64') } },
    });
    const stored = await eventually(() => {
      const found = stream!.events('media.stored')[0];
      expect(found).toBeDefined();
      return found!.data;
    });
    // The first start's greeting arrives live too: pick the photo's message.
    const received = stream.events('message.received').find((e) => e.data['contactWaId'] === '4915100000051')?.data;
    expect(received).toMatchObject({ type: 'image' });
    expect(stored).toMatchObject({ tenantId: hub.tenantId, conversationId: received?.['conversationId'], messageId: received?.['messageId'] });
    const message = await hub.api(`/api/v1/messages/${String(stored['messageId'])}`);
    expect(message.body).toMatchObject({ media: { id: stored['mediaId'], status: 'stored' } });
  });
});
