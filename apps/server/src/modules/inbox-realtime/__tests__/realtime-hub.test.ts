import { describe, expect, it } from 'vitest';
import { REALTIME_EVENT_NAMES, type RealtimeEventName } from '@valeo/contracts';
import { InProcessEventBus } from '../../../core/events/in-process-event-bus.js';
import { eventually } from '../../../../test/helpers/eventually.js';
import { RealtimeHub } from '../realtime-hub.js';
import { sseComment, sseEvent, sseRetry } from '../sse-format.js';

const received = (tenantId: string, messageId: string) => ({ tenantId, channelId: 'c', conversationId: 'v', messageId, contactWaId: '49151', type: 'text' });

function collector() {
  const got: { name: RealtimeEventName; data: { tenantId: string; messageId?: string } }[] = [];
  return { got, listener: (name: RealtimeEventName, data: { tenantId: string; messageId?: string }) => void got.push({ name, data }) };
}

describe('RealtimeHub', () => {
  it("delivers each event only to its tenant's listeners", async () => {
    const bus = new InProcessEventBus();
    const hub = new RealtimeHub(bus);
    const a = collector();
    const b = collector();
    hub.connect('tenant-a', a.listener);
    hub.connect('tenant-b', b.listener);
    bus.publish('message.received', received('tenant-a', 'm1'));
    bus.publish('message.status-changed', { tenantId: 'tenant-b', channelId: 'c', conversationId: 'v', messageId: 'm2', status: 'read', previousStatus: 'delivered' });
    bus.publish('message.queued', { tenantId: 'tenant-a', channelId: 'c', conversationId: 'v', messageId: 'm3' });
    await eventually(() => expect(a.got.map((e) => e.data.messageId)).toEqual(['m1', 'm3']));
    expect(a.got.map((e) => e.name)).toEqual(['message.received', 'message.queued']);
    expect(b.got.map((e) => [e.name, e.data.messageId])).toEqual([['message.status-changed', 'm2']]);
  });

  it('holds bus subscriptions only while someone is connected; disconnecting twice is harmless', async () => {
    const bus = new InProcessEventBus();
    const hub = new RealtimeHub(bus);
    expect(hub.stats()).toEqual({ connections: 0, tenants: 0, busSubscriptions: 0 });
    const first = collector();
    const offFirst = hub.connect('t', first.listener);
    const offSecond = hub.connect('t', collector().listener);
    expect(hub.stats()).toEqual({ connections: 2, tenants: 1, busSubscriptions: REALTIME_EVENT_NAMES.length });
    offFirst();
    offFirst();
    expect(hub.stats()).toEqual({ connections: 1, tenants: 1, busSubscriptions: REALTIME_EVENT_NAMES.length });
    offSecond();
    expect(hub.stats()).toEqual({ connections: 0, tenants: 0, busSubscriptions: 0 });
    bus.publish('message.received', received('t', 'late'));
    // A fresh subscriber sees the next event, so the earlier publish had its chance to arrive.
    const probe = collector();
    const offProbe = hub.connect('t', probe.listener);
    bus.publish('message.received', received('t', 'next'));
    await eventually(() => expect(probe.got).toHaveLength(1));
    expect(first.got).toEqual([]);
    offProbe();
  });

  it('knows which users are online: a user with two streams stays online until both closed', () => {
    const hub = new RealtimeHub(new InProcessEventBus());
    const first = hub.connect('t', () => undefined, 'anna');
    const second = hub.connect('t', () => undefined, 'anna');
    const apiKey = hub.connect('t', () => undefined);
    hub.connect('other', () => undefined, 'bert');
    expect([...hub.onlineUserIds('t')]).toEqual(['anna']);
    first();
    first();
    expect([...hub.onlineUserIds('t')]).toEqual(['anna']);
    second();
    apiKey();
    expect([...hub.onlineUserIds('t')]).toEqual([]);
    expect([...hub.onlineUserIds('other')]).toEqual(['bert']);
  });

  it('a failing listener does not keep the others from their events', async () => {
    const bus = new InProcessEventBus();
    const hub = new RealtimeHub(bus);
    hub.connect('t', () => {
      throw new Error('broken pipe');
    });
    const ok = collector();
    hub.connect('t', ok.listener);
    bus.publish('message.received', received('t', 'm1'));
    await eventually(() => expect(ok.got).toHaveLength(1));
  });
});

describe('SSE framing', () => {
  it('names the event and carries JSON on one data line, even with line breaks in values', () => {
    const frame = sseEvent('message.received', { text: 'a\nb\r\nc' });
    expect(frame).toBe('event: message.received\ndata: {"text":"a\\nb\\r\\nc"}\n\n');
    expect(frame.split('\n').filter((l) => l.startsWith('data: '))).toHaveLength(1);
  });

  it('writes retry and comment lines; comments cannot break out of their line', () => {
    expect(sseRetry(2000)).toBe('retry: 2000\n\n');
    expect(sseComment('heart\nevent: x')).toBe(': heart event: x\n\n');
  });
});
