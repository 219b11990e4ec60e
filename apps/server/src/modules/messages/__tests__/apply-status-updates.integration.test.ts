import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../../test/helpers/eventually.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import type { InboundStatusEvent } from '../messages.types.js';
import { createMessagesHarness, type MessagesHarness } from './messages-harness.js';

/** The bulk form the webhook job uses: one batch, the same rules as one status at a time. */
describe(`applyStatuses in one transaction (${testDialect()})`, () => {
  let h: MessagesHarness;
  beforeEach(async () => {
    h = await createMessagesHarness();
  });
  afterEach(async () => h.close());

  async function sentMessage(service: Awaited<ReturnType<MessagesHarness['startProcess']>>['service'], n: number) {
    const { view } = await service.send({
      tenantId: h.tenantId, channelId: h.channel.channelId, to: `+49151123450${n}`, type: 'template', content: { name: 'order_update', language: { code: 'de' } },
    });
    await eventually(async () => expect((await service.get(h.tenantId, view.id)).status).toBe('sent'));
    const wamid = h.provider.sent.find((s) => s.message.id === view.id)!.providerMessageId;
    return { id: view.id, wamid };
  }

  const status = (wamid: string, value: InboundStatusEvent['status'], extra: Partial<InboundStatusEvent> = {}): InboundStatusEvent => ({
    kind: 'status', phoneNumberId: h.channel.phoneNumberId, wamid, recipientId: '4915112345', status: value, timestamp: h.clock.now(), raw: {}, ...extra,
  });

  it('applies a batch in order: advances, older, duplicates, unknown, echoed ids; events only via afterCommit', async () => {
    const { service } = await h.startProcess();
    const [a, b] = [await sentMessage(service, 1), await sentMessage(service, 2)];
    const heard: string[] = [];
    h.events.subscribe('message.status-changed', (e) => void heard.push(`${e.messageId === a.id ? 'a' : 'b'}:${e.previousStatus}>${e.status}`));
    const scope = { tenantId: h.tenantId, channelId: h.channel.channelId };
    const inputs = [
      status(a.wamid, 'delivered'),
      status(a.wamid, 'read', { pricing: { billable: true, category: 'utility' } }),
      status(a.wamid, 'delivered'),
      status(a.wamid, 'read'),
      status('wamid.nobody', 'read'),
      status('wamid.lost-answer', 'delivered', { bizOpaqueCallbackData: b.id }),
      status('wamid.other-tenant', 'read', { bizOpaqueCallbackData: 'not-ours' }),
    ].map((event) => ({ ...scope, event }));

    const results = await h.database.db.transaction().execute((trx) => service.applyStatuses(inputs, trx));

    expect(results.map((r) => r.outcome)).toEqual(['applied', 'applied', 'duplicate', 'duplicate', 'message-not-found', 'applied', 'message-not-found']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(heard).toEqual([]);
    for (const r of results) r.afterCommit?.();
    await eventually(() => expect(heard).toEqual(['a:sent>delivered', 'a:delivered>read', 'b:sent>delivered']));
    const viewA = await service.get(h.tenantId, a.id);
    expect(viewA.status).toBe('read');
    expect(viewA.statuses.map((s) => s.status)).toEqual(['queued', 'sent', 'delivered', 'read']);
    expect((await service.get(h.tenantId, b.id)).status).toBe('delivered');
  });

  it('moves many messages with one update per kind of move, each keeping its own error and pricing', async () => {
    const { service } = await h.startProcess();
    const messages = [];
    for (let n = 0; n < 9; n += 1) messages.push(await sentMessage(service, 10 + n));
    const scope = { tenantId: h.tenantId, channelId: h.channel.channelId };
    const pricingA = { billable: true, category: 'utility', pricing_model: 'PMP' };
    const pricingB = { billable: false, category: 'service', pricing_model: 'PMP' };
    const failure = { code: 131026, title: 'Message undeliverable', message: 'Message undeliverable' };
    const inputs = messages.map((m, i) => {
      if (i < 3) return { ...scope, event: status(m.wamid, 'delivered', { pricing: pricingA }) };
      if (i < 6) return { ...scope, event: status(m.wamid, 'read', { pricing: i === 5 ? pricingB : pricingA }) };
      return { ...scope, event: status(m.wamid, 'failed', { errors: [failure] }) };
    });
    const heard: string[] = [];
    h.events.subscribe('message.status-changed', (e) => void heard.push(`${e.messageId}:${e.status}`));

    const results = await h.database.db.transaction().execute((trx) => service.applyStatuses(inputs, trx));
    expect(results.map((r) => r.outcome)).toEqual(Array(9).fill('applied'));
    for (const r of results) r.afterCommit?.();
    await eventually(() => expect(heard).toHaveLength(9));

    const rows = await h.database.db.selectFrom('messages').select(['id', 'status', 'pricing', 'error']).where('id', 'in', messages.map((m) => m.id)).execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    const parse = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown> | null;
    messages.forEach((m, i) => {
      const row = byId.get(m.id)!;
      expect(row.status).toBe(i < 3 ? 'delivered' : i < 6 ? 'read' : 'failed');
      if (i < 6) expect(parse(row.pricing)).toEqual(i === 5 ? pricingB : pricingA);
      if (i >= 6) expect(parse(row.error)).toMatchObject({ code: 'PROVIDER_ERROR' });
      else expect(row.error).toBeNull();
    });

    // A replay of the whole batch changes nothing and publishes nothing.
    const again = await h.database.db.transaction().execute((trx) => service.applyStatuses(inputs, trx));
    expect(again.map((r) => r.outcome)).toEqual(Array(9).fill('duplicate'));
    expect(again.some((r) => r.afterCommit)).toBe(false);
  });

  it('records an older status it has not seen without moving the message back', async () => {
    const { service } = await h.startProcess();
    const a = await sentMessage(service, 3);
    const scope = { tenantId: h.tenantId, channelId: h.channel.channelId };
    await h.database.db.transaction().execute((trx) => service.applyStatuses([{ ...scope, event: status(a.wamid, 'read') }], trx));
    const [late] = await h.database.db.transaction().execute((trx) => service.applyStatuses([{ ...scope, event: status(a.wamid, 'delivered') }], trx));
    expect(late!.outcome).toBe('recorded-older');
    const view = await service.get(h.tenantId, a.id);
    expect(view.status).toBe('read');
    expect(view.statuses.map((s) => s.status)).toEqual(['queued', 'sent', 'delivered', 'read']);
  });
});
