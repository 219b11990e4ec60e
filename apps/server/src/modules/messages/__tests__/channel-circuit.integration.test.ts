import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../core/clock.js';
import { ProviderErrorCode } from '../../../providers/provider-error.js';
import { eventually } from '../../../../test/helpers/eventually.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { ChannelCircuitBreaker } from '../channel-circuit.js';
import { createMessagesHarness, type MessagesHarness } from './messages-harness.js';

/** RELIABILITY.md OUT-08/09 on the real pipeline: the circuit pauses a channel instead of failing its messages. */
describe(`send pipeline with a channel circuit breaker (${testDialect()})`, () => {
  let h: MessagesHarness;
  beforeEach(async () => {
    h = await createMessagesHarness();
  });
  afterEach(async () => h.close());

  const sendTemplate = (service: Awaited<ReturnType<MessagesHarness['startProcess']>>['service'], n: number) =>
    service.send({
      tenantId: h.tenantId,
      channelId: h.channel.channelId,
      to: `+4915112345${String(600 + n)}`,
      type: 'template',
      content: { name: 'order_update', language: { code: 'de' } },
    });

  it('holds messages while the token is refused (190), probes once per pause, and sends them all once it works', async () => {
    // The circuit runs on real time here: the queue schedules deferred jobs by the wall clock.
    const circuit = new ChannelCircuitBreaker({ clock: systemClock, authOpenMs: 300, probeWaitMs: 50 });
    const { service } = await h.startProcess({ deps: { circuit } });
    h.provider.failNext('send', ProviderErrorCode.AUTH_FAILED, { vendorCode: 190 });
    h.provider.failNext('send', ProviderErrorCode.AUTH_FAILED, { vendorCode: 190 });

    const first = await sendTemplate(service, 1);
    await eventually(async () => expect(await service.get(h.tenantId, first.view.id)).toMatchObject({
      status: 'queued', error: { code: 'AUTH_FAILED', vendorCode: 190 },
    }));
    const others = await Promise.all([2, 3, 4, 5].map((n) => sendTemplate(service, n)));

    const ids = [first, ...others].map((r) => r.view.id);
    await eventually(async () => {
      const views = await Promise.all(ids.map((id) => service.get(h.tenantId, id)));
      expect(views.map((v) => v.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    }, { timeoutMs: 15_000 });
    const sendCalls = h.provider.calls.filter((c) => c.name === 'send');
    // The first call and one probe were refused; nothing else went out while the circuit was open.
    expect(sendCalls).toHaveLength(2 + 5);
    expect(new Set(h.provider.sent.map((s) => s.message.id))).toEqual(new Set(ids));
    expect(h.provider.sent).toHaveLength(5);
  });

  it('without a circuit an auth failure still fails the message (nothing would ever retry it)', async () => {
    const { service } = await h.startProcess();
    h.provider.failNext('send', ProviderErrorCode.AUTH_FAILED, { vendorCode: 190 });
    const { view } = await sendTemplate(service, 1);
    await eventually(async () => expect(await service.get(h.tenantId, view.id)).toMatchObject({ status: 'failed', error: { code: 'AUTH_FAILED' } }));
  });
});
