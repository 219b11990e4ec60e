import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProviderErrorCode } from '../../../providers/provider-error.js';
import { eventually } from '../../../../test/helpers/eventually.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { createMessagesHarness, type MessagesHarness } from './messages-harness.js';

const CUSTOMER = '4915112345678';

describe(`messages pipeline (${testDialect()})`, () => {
  let h: MessagesHarness;
  beforeEach(async () => {
    h = await createMessagesHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  /** The customer wrote a minute ago, so the 24-hour window is open. */
  async function openWindow(service: Awaited<ReturnType<MessagesHarness['startProcess']>>['service']) {
    await service.recordInbound({ tenantId: h.tenantId, channelId: h.channel.channelId, event: h.inboundText(CUSTOMER, 'wamid.IN1', new Date(h.clock.now().getTime() - 60_000)) });
  }

  const sendText = (service: Awaited<ReturnType<MessagesHarness['startProcess']>>['service'], extra: { idempotencyKey?: string; body?: string } = {}) =>
    service.send({
      tenantId: h.tenantId,
      channelId: h.channel.channelId,
      to: `+${CUSTOMER}`,
      type: 'text',
      content: { body: extra.body ?? 'Ihre Bestellung ist unterwegs', preview_url: false },
      idempotencyKey: extra.idempotencyKey,
    });

  it('stores, queues and sends a message, passing our id as biz_opaque_callback_data', async () => {
    const { service } = await h.startProcess();
    await openWindow(service);
    const { view, created } = await sendText(service);
    expect(created).toBe(true);
    expect(view.status).toBe('queued');
    const sent = await eventually(async () => {
      const m = await service.get(h.tenantId, view.id);
      expect(m.status).toBe('sent');
      return m;
    });
    expect(h.provider.sent).toHaveLength(1);
    expect(h.provider.sent[0]!.message).toMatchObject({ id: view.id, to: CUSTOMER, type: 'text', content: { body: 'Ihre Bestellung ist unterwegs' } });
    expect(sent.wamid).toBe(h.provider.sent[0]!.providerMessageId);
    expect(sent.statuses.map((s) => s.status)).toEqual(['queued', 'sent']);
  });

  it('refuses free-form text outside the 24-hour window but queues a template', async () => {
    const { service } = await h.startProcess({ start: false });
    await expect(sendText(service)).rejects.toMatchObject({ code: 'MESSAGE_WINDOW_CLOSED', httpStatus: 422 });
    await openWindow(service);
    h.clock.advance(24 * 60 * 60_000);
    await expect(sendText(service)).rejects.toMatchObject({ code: 'MESSAGE_WINDOW_CLOSED' });
    const template = await service.send({
      tenantId: h.tenantId,
      channelId: h.channel.channelId,
      to: CUSTOMER,
      type: 'template',
      content: { name: 'hello_world', language: { code: 'en_US' } },
    });
    expect(template.view.status).toBe('queued');
  });

  it('rejects an invalid phone number and another tenant’s channel', async () => {
    const { service } = await h.startProcess({ start: false });
    await expect(service.send({ tenantId: h.tenantId, channelId: h.channel.channelId, to: '12', type: 'template', content: {} })).rejects.toMatchObject({
      code: 'INVALID_PHONE_NUMBER',
    });
    await expect(service.send({ tenantId: 'other-tenant', channelId: h.channel.channelId, to: CUSTOMER, type: 'template', content: {} })).rejects.toMatchObject({
      code: 'CHANNEL_NOT_FOUND',
      httpStatus: 404,
    });
  });

  it('returns the first message for a repeated Idempotency-Key and sends only once', async () => {
    const { service } = await h.startProcess();
    await openWindow(service);
    const first = await sendText(service, { idempotencyKey: 'order-4711' });
    const results = await Promise.all([1, 2, 3, 4].map(() => sendText(service, { idempotencyKey: 'order-4711' })));
    for (const r of results) {
      expect(r.view.id).toBe(first.view.id);
      expect(r.created).toBe(false);
    }
    await eventually(async () => expect((await service.get(h.tenantId, first.view.id)).status).toBe('sent'));
    expect(h.provider.sent).toHaveLength(1);
    await expect(
      service.send({ tenantId: h.tenantId, channelId: h.channel.channelId, to: '+4917099999999', type: 'text', content: { body: 'x' }, idempotencyKey: 'order-4711' }),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('retries after a rate limit and sends once', async () => {
    const { service } = await h.startProcess();
    await openWindow(service);
    h.provider.failNext('send', ProviderErrorCode.RATE_LIMITED, { retryAfterMs: 20, vendorCode: 130429 });
    const { view } = await sendText(service);
    await eventually(async () => expect((await service.get(h.tenantId, view.id)).status).toBe('sent'));
    expect(h.provider.calls.filter((c) => c.name === 'send')).toHaveLength(2);
    expect(h.provider.sent).toHaveLength(1);
  });

  it('fails permanently on a window error from WhatsApp, keeping the vendor code', async () => {
    const { service } = await h.startProcess();
    await openWindow(service);
    h.provider.failNext('send', ProviderErrorCode.WINDOW_CLOSED, { vendorCode: 131047 });
    const { view } = await sendText(service);
    const failed = await eventually(async () => {
      const m = await service.get(h.tenantId, view.id);
      expect(m.status).toBe('failed');
      return m;
    });
    expect(failed.error).toMatchObject({ code: 'WINDOW_CLOSED', vendorCode: 131047 });
    expect(h.provider.calls.filter((c) => c.name === 'send')).toHaveLength(1);
  });

  it('parks an unknown outcome without resending, and a status webhook with our id reconciles it', async () => {
    const { service } = await h.startProcess();
    await openWindow(service);
    h.provider.failNext('send', ProviderErrorCode.OUTCOME_UNKNOWN);
    const { view } = await sendText(service);
    await eventually(async () => expect((await service.get(h.tenantId, view.id)).status).toBe('unknown'));
    const result = await service.applyStatus({
      tenantId: h.tenantId,
      channelId: h.channel.channelId,
      event: { kind: 'status', phoneNumberId: h.channel.phoneNumberId, wamid: 'wamid.LATE', recipientId: CUSTOMER, status: 'delivered', timestamp: h.clock.now(), bizOpaqueCallbackData: view.id, raw: {} },
    });
    expect(result.outcome).toBe('applied');
    const resolved = await service.get(h.tenantId, view.id);
    expect(resolved).toMatchObject({ status: 'delivered', wamid: 'wamid.LATE' });
    expect(h.provider.calls.filter((c) => c.name === 'send')).toHaveLength(1);
  });

  it('sends a message stored before a crash exactly once after restart', async () => {
    const crashed = await h.startProcess({ start: false });
    await openWindow(crashed.service);
    const { view } = await sendText(crashed.service);
    await crashed.queue.stop();
    const restarted = await h.startProcess();
    await eventually(async () => expect((await restarted.service.get(h.tenantId, view.id)).status).toBe('sent'));
    expect(h.provider.sent).toHaveLength(1);
  });

  it('does not resend a message whose send was interrupted mid-flight, but marks it unknown', async () => {
    const { service } = await h.startProcess({ start: false });
    await openWindow(service);
    const { view } = await sendText(service);
    // Simulate a process that died after marking the row `sending` (the HTTP call may have left).
    await h.database.db.updateTable('messages').set({ status: 'sending' }).where('id', '=', view.id).execute();
    const restarted = await h.startProcess();
    await eventually(async () => expect((await restarted.service.get(h.tenantId, view.id)).status).toBe('unknown'));
    expect(h.provider.calls.filter((c) => c.name === 'send')).toHaveLength(0);
  });

  it('applies statuses delivered five times and out of order to the right final state', async () => {
    const { service } = await h.startProcess();
    await openWindow(service);
    const { view } = await sendText(service);
    const wamid = await eventually(async () => {
      const m = await service.get(h.tenantId, view.id);
      expect(m.wamid).toBeTruthy();
      return m.wamid!;
    });
    const status = (s: 'sent' | 'delivered' | 'read', offsetMs: number) => ({
      tenantId: h.tenantId,
      channelId: h.channel.channelId,
      event: { kind: 'status' as const, phoneNumberId: h.channel.phoneNumberId, wamid, recipientId: CUSTOMER, status: s, timestamp: new Date(h.clock.now().getTime() + offsetMs), raw: {} },
    });
    const outcomes = [];
    for (const s of ['read', 'delivered', 'read', 'sent', 'read', 'delivered', 'read', 'read'] as const) {
      outcomes.push((await service.applyStatus(status(s, s === 'read' ? 3000 : s === 'delivered' ? 2000 : 1000))).outcome);
    }
    expect(outcomes[0]).toBe('applied');
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
    const final = await service.get(h.tenantId, view.id);
    expect(final.status).toBe('read');
    expect(final.statuses.map((s) => s.status)).toEqual(['queued', 'sent', 'delivered', 'read']);
  });

  it('records an inbound message once, opens the window and counts it unread once', async () => {
    const { service } = await h.startProcess({ start: false });
    const at = h.clock.now();
    const results = [];
    for (let i = 0; i < 5; i++) {
      results.push(await service.recordInbound({ tenantId: h.tenantId, channelId: h.channel.channelId, event: h.inboundText(CUSTOMER, 'wamid.DUP', at) }));
    }
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.messageId)).size).toBe(1);
    const conversation = await h.database.db.selectFrom('conversations').selectAll().executeTakeFirstOrThrow();
    expect(conversation.unread_count).toBe(1);
    const list = await service.list({ tenantId: h.tenantId, limit: 10, contactWaId: CUSTOMER });
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({ direction: 'inbound', status: 'received', content: { body: 'Hallo' } });
    // the window is open now: free-form text is accepted
    await expect(sendText(service)).resolves.toMatchObject({ created: true });
  });

  it('paginates messages newest first with an opaque cursor', async () => {
    const { service } = await h.startProcess({ start: false });
    for (let i = 0; i < 5; i++) {
      await service.recordInbound({ tenantId: h.tenantId, channelId: h.channel.channelId, event: h.inboundText(CUSTOMER, `wamid.P${i}`, h.clock.now(), `m${i}`) });
    }
    const first = await service.list({ tenantId: h.tenantId, limit: 2 });
    expect(first.data.map((m) => (m.content as { body: string }).body)).toEqual(['m4', 'm3']);
    const second = await service.list({ tenantId: h.tenantId, limit: 2, cursor: first.nextCursor! });
    expect(second.data.map((m) => (m.content as { body: string }).body)).toEqual(['m2', 'm1']);
    const third = await service.list({ tenantId: h.tenantId, limit: 2, cursor: second.nextCursor! });
    expect(third.nextCursor).toBeNull();
    await expect(service.list({ tenantId: h.tenantId, limit: 2, cursor: 'garbage' })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });
});
