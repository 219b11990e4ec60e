import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../../test/helpers/eventually.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { buildFakeWebhookBody, signFakeWebhook, type FakeWebhookItems } from '../../../providers/fake/fake-webhooks.js';
import type { RawWebhookRequest } from '../../../providers/messaging-provider.js';
import type { Channel } from '../../channels/index.js';
import { buildHubTestApp, type HubTestApp } from './hub-test-app.js';

const SECRET = 'status-channel-secret';

/**
 * Status webhooks against the real messages module: outbound messages are sent through the
 * emulator (so they carry real wamids), then statuses arrive batched, out of order, duplicated.
 */
describe(`inbound statuses with the messages module (${testDialect()})`, () => {
  let hub: HubTestApp;
  let channel: Channel;

  beforeAll(async () => {
    hub = await buildHubTestApp();
    channel = await hub.createChannel({ phoneNumberId: '2220001', appSecret: SECRET, registerInEmulator: { webhookUrl: null } });
    await hub.queue.start();
  });
  afterAll(async () => hub.close());

  const post = (request: RawWebhookRequest) =>
    hub.app.inject({ method: 'POST', url: '/webhooks/whatsapp', headers: request.headers as Record<string, string>, payload: request.rawBody });
  const statusOf = async (messageId: string) => (await hub.messages.service.get(hub.tenantId, messageId)).status;

  /** Sends hello_world through the emulator; resolves once the message has its wamid. */
  async function sendTemplate(on: Channel, to: string): Promise<{ id: string; wamid: string }> {
    const { view } = await hub.messages.service.send({
      tenantId: hub.tenantId, channelId: on.id, to, type: 'template', content: { name: 'hello_world', language: { code: 'en_US' } },
    });
    return eventually(async () => {
      const row = await hub.database.db.selectFrom('messages').select(['id', 'wamid']).where('id', '=', view.id).executeTakeFirstOrThrow();
      expect(row.wamid).toBeTruthy();
      return { id: row.id, wamid: row.wamid! };
    });
  }

  it('processes every item of a body with 2 entries × (messages + statuses)', async () => {
    const first = await sendTemplate(channel, '4915100000001');
    const second = await sendTemplate(channel, '4915100000002');
    const entry = (items: FakeWebhookItems) => buildFakeWebhookBody(channel, items)['entry'] as unknown[];
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        ...entry({
          messages: [{ from: '4915100000001', wamid: 'wamid.batch-in-1', text: 'eins' }, { from: '4915100000003', wamid: 'wamid.batch-in-2', text: 'zwei' }],
          statuses: [{ wamid: first.wamid, status: 'delivered', recipientId: '4915100000001' }],
        }),
        ...entry({
          messages: [{ from: '4915100000002', wamid: 'wamid.batch-in-3', text: 'drei' }],
          statuses: [{ wamid: second.wamid, status: 'read', recipientId: '4915100000002' }],
        }),
      ],
    };
    expect((await post(signFakeWebhook(body, SECRET))).statusCode).toBe(200);
    await eventually(async () => {
      expect(await statusOf(first.id)).toBe('delivered');
      expect(await statusOf(second.id)).toBe('read');
      const inbound = await hub.database.db.selectFrom('messages').select('wamid').where('wamid', 'like', 'wamid.batch-in-%').execute();
      expect(inbound.map((m) => m.wamid).sort()).toEqual(['wamid.batch-in-1', 'wamid.batch-in-2', 'wamid.batch-in-3']);
    });
  });

  it('ends in the highest status when statuses arrive read → delivered → sent', async () => {
    const sent = await sendTemplate(channel, '4915100000004');
    await hub.database.db.deleteFrom('inbound_events').execute();
    for (const status of ['read', 'delivered', 'sent'] as const) {
      const request = signFakeWebhook(buildFakeWebhookBody(channel, { statuses: [{ wamid: sent.wamid, status, recipientId: '4915100000004' }] }), SECRET);
      expect((await post(request)).statusCode).toBe(200);
    }
    await eventually(async () => {
      const processed = await hub.database.db.selectFrom('inbound_events').select('status').execute();
      expect(processed.map((e) => e.status)).toEqual(['processed', 'processed', 'processed']);
    });
    expect(await statusOf(sent.id)).toBe('read');
  });

  it('survives the emulator duplicating and reordering real status webhooks', async () => {
    const live = await hub.createChannel({ phoneNumberId: '2220002', appSecret: 'live-secret', registerInEmulator: { webhookUrl: await hub.listen() } });
    await hub.emulator.control('POST', '/_emulator/faults', { duplicateWebhooks: true, reorderStatuses: true });
    try {
      const sent = await sendTemplate(live, '4915100000005');
      await eventually(async () => expect(await statusOf(sent.id)).toBe('read'), { timeoutMs: 10_000 });
      const { deliveries } = await hub.emulator.control<{ deliveries: Array<{ duplicate: boolean; rawBody: string }> }>(
        'GET', `/_emulator/deliveries?phoneNumberId=${live.phoneNumberId}&kind=status`,
      );
      expect(deliveries.filter((d) => d.duplicate).length).toBeGreaterThan(0);
      const bodies = new Set(deliveries.map((d) => d.rawBody));
      await eventually(async () => {
        const rows = await hub.database.db.selectFrom('inbound_events').select('id').where('channel_id', '=', live.id).execute();
        expect(rows).toHaveLength(bodies.size);
      });
    } finally {
      await hub.emulator.control('DELETE', '/_emulator/faults');
    }
  });
});
