import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { listMessages } from '../messages.repository.js';
import { createMessagesHarness, type MessagesHarness } from './messages-harness.js';

const CUSTOMER = '4915112345001';

/** A conversation lists messages in id order; late deliveries must land where the customer wrote them. */
describe(`order of inbound messages in a conversation (${testDialect()})`, () => {
  let h: MessagesHarness;
  beforeEach(async () => {
    h = await createMessagesHarness();
  });
  afterEach(async () => h.close());

  async function record(wamid: string, sentAt: Date, body: string): Promise<string> {
    const { service } = await h.startProcess({ start: false });
    const result = await service.recordInbound({ tenantId: h.tenantId, channelId: h.channel.channelId, event: h.inboundText(CUSTOMER, wamid, sentAt, body) });
    return result.conversationId!;
  }

  async function bodiesOldestFirst(conversationId: string): Promise<string[]> {
    const rows = await listMessages(h.database.db, { tenantId: h.tenantId, conversationId, limit: 50 });
    return rows.reverse().map((m) => String((m.content as { body?: string }).body));
  }

  it('puts a message Meta delivers late where it was written, not at the bottom', async () => {
    const now = h.clock.now().getTime();
    const conversationId = await record('wamid.LIVE-1', new Date(now - 200), 'third');
    // Re-delivered after an outage: written 10 and 5 minutes ago, arriving now and out of order.
    await record('wamid.LATE-2', new Date(now - 300_000), 'second');
    await record('wamid.LATE-1', new Date(now - 600_000), 'first');
    expect(await bodiesOldestFirst(conversationId)).toEqual(['first', 'second', 'third']);
  });

  it('keeps arrival order for live messages (Meta stamps whole seconds)', async () => {
    const second = Math.floor(h.clock.now().getTime() / 1000) * 1000;
    // Both stamped with the same whole second, as Meta does: arrival order decides.
    const conversationId = await record('wamid.A', new Date(second), 'a');
    await record('wamid.B', new Date(second), 'b');
    await record('wamid.C', new Date(second), 'c');
    expect(await bodiesOldestFirst(conversationId)).toEqual(['a', 'b', 'c']);
  });
});
