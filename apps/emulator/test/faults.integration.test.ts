import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from './helpers/eventually.js';
import { CUSTOMER, openWindow, sendPath, startHarness, type Harness } from './helpers/emulator-harness.js';
import { valueOf } from './helpers/webhook-receiver.js';

const text = { messaging_product: 'whatsapp', to: CUSTOMER, type: 'text', text: { body: 'Hallo' } };

async function deliveries(h: Harness): Promise<Record<string, unknown>[]> {
  return (await h.call('GET', '/_emulator/deliveries', undefined, null)).body['deliveries'] as Record<string, unknown>[];
}

describe('faults', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ statusDelaysMs: null });
    await openWindow(h);
    await eventually(() => expect(h.receiver.received).toHaveLength(1));
  });
  afterEach(() => h.close());

  it('rateLimit answers 130429 for the next N sends, then recovers', async () => {
    await h.call('POST', '/_emulator/faults', { rateLimit: 2 }, null);
    const codes = [];
    for (let i = 0; i < 3; i += 1) codes.push((await h.call('POST', sendPath, text)).body['error']);
    expect(codes.map((e) => (e as { code?: number } | undefined)?.code)).toEqual([130429, 130429, undefined]);
  });

  it('serverErrors answer a 5xx Graph error (default 131000, configurable code) on every Graph call', async () => {
    await h.call('POST', '/_emulator/faults', { serverErrors: { count: 1 } }, null);
    const first = await h.call('POST', sendPath, text);
    expect(first.status).toBe(500);
    expect(first.body['error']).toMatchObject({ code: 131000 });
    await h.call('POST', '/_emulator/faults', { serverErrors: { count: 1, code: 2 } }, null);
    const second = await h.call('GET', `/v24.0/${'102290129340398'}/message_templates`);
    expect(second.status).toBe(503);
    expect((await h.call('POST', sendPath, text)).status).toBe(200);
    const messages = (await h.call('GET', '/_emulator/messages', undefined, null)).body['messages'] as unknown[];
    expect(messages).toHaveLength(1);
  });

  it('probability 1 fires every time; DELETE clears all faults', async () => {
    await h.call('POST', '/_emulator/faults', { rateLimit: { probability: 1 } }, null);
    for (let i = 0; i < 3; i += 1) expect((await h.call('POST', sendPath, text)).status).toBe(400);
    const cleared = await h.call('DELETE', '/_emulator/faults', undefined, null);
    expect(cleared.body['faults']).toEqual({ latencyMs: 0, serverErrorCode: 131000, timeoutAfterAcceptMs: 0 });
    expect((await h.call('POST', sendPath, text)).status).toBe(200);
    expect((await h.call('POST', '/_emulator/faults', { rateLimit: 'x' }, null)).status).toBe(400);
  });

  it('latencyMs delays Graph answers', async () => {
    await h.call('POST', '/_emulator/faults', { latencyMs: 5000 }, null);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 100);
    const aborted = fetch(`${h.baseUrl}${sendPath}`, { method: 'POST', signal: controller.signal, headers: { 'content-type': 'application/json', authorization: 'Bearer EAAG-test-token' }, body: JSON.stringify(text) });
    await expect(aborted).rejects.toThrow();
    clearTimeout(timer);
    await h.call('POST', '/_emulator/faults', { latencyMs: 0 }, null);
    expect((await h.call('POST', sendPath, text)).status).toBe(200);
  });

  it('timeoutAfterAccept records the message but answers too late for the client', async () => {
    await h.call('POST', '/_emulator/faults', { timeoutAfterAccept: { ms: 10000, count: 1 } }, null);
    const call = fetch(`${h.baseUrl}${sendPath}`, { method: 'POST', signal: AbortSignal.timeout(100), headers: { 'content-type': 'application/json', authorization: 'Bearer EAAG-test-token' }, body: JSON.stringify(text) });
    await expect(call).rejects.toThrow();
    const messages = await eventually(async () => {
      const list = (await h.call('GET', '/_emulator/messages', undefined, null)).body['messages'] as Record<string, unknown>[];
      expect(list).toHaveLength(1);
      return list;
    });
    expect(messages[0]?.['body']).toEqual(text);
    expect((await h.call('POST', sendPath, text)).status).toBe(200);
  });

  it('dropWebhooks records the event as dropped and never POSTs it', async () => {
    await h.call('POST', '/_emulator/faults', { dropWebhooks: 1 }, null);
    await openWindow(h);
    await openWindow(h);
    await eventually(() => expect(h.receiver.received).toHaveLength(2));
    expect((await deliveries(h)).map((d) => d['state'])).toEqual(['delivered', 'dropped', 'delivered']);
  });

  it('duplicateWebhooks POSTs the same bytes twice', async () => {
    await h.call('POST', '/_emulator/faults', { duplicateWebhooks: 1 }, null);
    await openWindow(h);
    await eventually(() => expect(h.receiver.received).toHaveLength(3));
    expect(h.receiver.received[1]?.rawBody).toBe(h.receiver.received[2]?.rawBody);
    expect((await deliveries(h)).map((d) => d['duplicate'])).toEqual([false, false, true]);
  });

  it('reorderStatuses sends read, delivered, sent', async () => {
    await h.close();
    h = await startHarness({ statusDelaysMs: { sent: 0, delivered: 0, read: 0 }, webhookRetryDelaysMs: [] });
    await openWindow(h);
    await h.call('POST', '/_emulator/faults', { reorderStatuses: true }, null);
    await h.call('POST', sendPath, text);
    await eventually(async () => {
      const statusDeliveries = (await deliveries(h)).filter((d) => d['kind'] === 'status');
      const order = statusDeliveries.map((d) => (valueOf(d['body'] as Record<string, unknown>)['statuses'] as { status: string }[])[0]?.status);
      expect(order).toEqual(['read', 'delivered', 'sent']);
    });
  });
});
