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
