import { toMetaJson } from '@valeo/cloud-api';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from './helpers/eventually.js';
import { CUSTOMER, NUMBER, openWindow, sendPath, startHarness, type Harness } from './helpers/emulator-harness.js';
import { fieldOf, messagesOf, statusesOf, valueOf } from './helpers/webhook-receiver.js';

const text = { messaging_product: 'whatsapp', to: CUSTOMER, type: 'text', text: { body: 'Hallo' } };

describe('webhooks', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('delivers a customer message as a signed, Meta-escaped webhook', async () => {
    h = await startHarness({ statusDelaysMs: null });
    const res = await h.call('POST', '/_emulator/inbound', {
      phoneNumberId: NUMBER.phoneNumberId, from: `+${CUSTOMER}`, name: 'Jörg',
      message: { type: 'text', text: { body: 'Grüße 👋 / hi' } },
    }, null);
    const webhook = await eventually(() => {
      expect(h.receiver.received).toHaveLength(1);
      return h.receiver.received[0]!;
    });
    expect(webhook.validSignature).toBe(true);
    expect(webhook.schemaErrors).toEqual([]);
    expect(webhook.rawBody).toBe(toMetaJson(webhook.body));
    expect(webhook.rawBody).toContain('Gr\\u00fc\\u00dfe \\ud83d\\udc4b \\/ hi');
    expect(fieldOf(webhook.body)).toBe('messages');
    expect(webhook.body['entry']).toEqual([expect.objectContaining({ id: NUMBER.wabaId })]);
    expect(valueOf(webhook.body)).toEqual({
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550783881', phone_number_id: NUMBER.phoneNumberId },
      contacts: [{ profile: { name: 'Jörg' }, wa_id: CUSTOMER }],
      messages: [{ from: CUSTOMER, id: res.body['wamid'], timestamp: expect.stringMatching(/^\d+$/), type: 'text', text: { body: 'Grüße 👋 / hi' } }],
    });
  });

  it.each([
    ['interactive button reply', { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'y', title: 'Yes' } }, context: { message_id: 'wamid.X' } }],
    ['location', { type: 'location', location: { latitude: 52.5, longitude: 13.4, name: 'Berlin' } }],
    ['reaction', { type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '👍' } }],
    ['order', { type: 'order', order: { catalog_id: 'c', product_items: [{ product_retailer_id: 'p', quantity: 1, item_price: 9.5, currency: 'EUR' }] } }],
    ['button (template quick reply)', { type: 'button', button: { payload: 'STOP', text: 'Stop' }, context: { message_id: 'wamid.X' } }],
    ['contacts', { type: 'contacts', contacts: [{ name: { formatted_name: 'A B' } }] }],
  ])('passes a customer %s through', async (_name, message) => {
    h = await startHarness({ statusDelaysMs: null });
    await h.call('POST', '/_emulator/inbound', { phoneNumberId: NUMBER.phoneNumberId, from: CUSTOMER, message }, null);
    const received = await eventually(() => {
      const first = messagesOf(h.receiver.received)[0];
      expect(first).toBeDefined();
      return first!;
    });
    const { context, ...rest } = message as Record<string, unknown>;
    expect(received).toMatchObject(rest);
    expect(h.receiver.received[0]?.schemaErrors).toEqual([]);
    if (context) expect(received['context']).toEqual({ from: '15550783881', id: 'wamid.X' });
  });

  it('sends sent → delivered → read in order with pricing and biz_opaque_callback_data (v24, no conversation)', async () => {
    h = await startHarness({ statusDelaysMs: { sent: 10, delivered: 150, read: 300 } });
    await openWindow(h);
    const res = await h.call('POST', sendPath, { ...text, biz_opaque_callback_data: 'msg-42' });
    const wamid = (res.body['messages'] as { id: string }[])[0]?.id;
    const statuses = await eventually(() => {
      const list = statusesOf(h.receiver.received);
      expect(list.map((s) => s['status'])).toEqual(['sent', 'delivered', 'read']);
      return list;
    });
    const pricing = { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' };
    for (const status of statuses) {
      expect(status).toMatchObject({ id: wamid, recipient_id: CUSTOMER, biz_opaque_callback_data: 'msg-42' });
      expect(status).not.toHaveProperty('conversation');
    }
    expect(statuses.map((s) => s['pricing'])).toEqual([pricing, pricing, undefined]);
    expect(h.receiver.received.every((w) => w.validSignature)).toBe(true);
    expect(h.receiver.received.flatMap((w) => w.schemaErrors)).toEqual([]);
    const recorded = await h.call('GET', `/_emulator/messages/${String(wamid)}`, undefined, null);
    expect((recorded.body['message'] as { statuses: { status: string }[] }).statuses.map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
  });

  it('sends statuses only on command when delays are null, including failed with an error code', async () => {
    h = await startHarness({ statusDelaysMs: null });
    await openWindow(h);
    const wamid = String(((await h.call('POST', sendPath, text)).body['messages'] as { id: string }[])[0]?.id);
    await h.call('POST', `/_emulator/messages/${wamid}/status`, { status: 'delivered' }, null);
    await h.call('POST', `/_emulator/messages/${wamid}/status`, { status: 'failed', errorCode: 131026 }, null);
    const statuses = await eventually(() => {
      const list = statusesOf(h.receiver.received);
      expect(list).toHaveLength(2);
      return list;
    });
    expect(statuses.map((s) => s['status'])).toEqual(['delivered', 'failed']);
    expect(statuses[1]?.['errors']).toEqual([expect.objectContaining({ code: 131026, title: 'Message undeliverable' })]);
    expect(h.receiver.received.flatMap((w) => w.schemaErrors)).toEqual([]);
    expect((await h.call('POST', '/_emulator/messages/wamid.none/status', { status: 'read' }, null)).status).toBe(404);
  });

  it('retries after a 500 from the receiver and logs every attempt', async () => {
    h = await startHarness({ statusDelaysMs: null, webhookRetryDelaysMs: [10, 10] });
    h.receiver.respond((call) => (call === 0 ? 500 : 200));
    await openWindow(h);
    await eventually(() => expect(h.receiver.received).toHaveLength(2));
    const log = await eventually(async () => {
      const res = await h.call('GET', '/_emulator/deliveries', undefined, null);
      const deliveries = res.body['deliveries'] as Record<string, unknown>[];
      expect(deliveries[0]?.['state']).toBe('delivered');
      return deliveries;
    });
    expect(log).toHaveLength(1);
    expect((log[0]?.['attempts'] as { statusCode: number }[]).map((a) => a.statusCode)).toEqual([500, 200]);
    expect(h.receiver.received[0]?.rawBody).toBe(h.receiver.received[1]?.rawBody);
  });

  it('gives up after the configured retries and treats non-200 2xx as failure, like Meta', async () => {
    h = await startHarness({ statusDelaysMs: null, webhookRetryDelaysMs: [5] });
    h.receiver.respond(() => 204);
    await openWindow(h);
    const delivery = await eventually(async () => {
      const res = await h.call('GET', '/_emulator/deliveries?kind=message', undefined, null);
      const first = (res.body['deliveries'] as Record<string, unknown>[])[0];
      expect(first?.['state']).toBe('failed');
      return first!;
    });
    expect((delivery['attempts'] as unknown[]).length).toBe(2);
  });
});
