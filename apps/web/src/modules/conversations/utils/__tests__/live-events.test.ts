import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RealtimeEvent } from '@valeo/contracts';
import { FakeEventSource as FakeStream } from '../../../../test/fake-event-source.js';
import { LiveEvents, type LiveState } from '../live-events.js';

describe('LiveEvents', () => {
  let streams: FakeStream[];
  let events: RealtimeEvent[];
  let states: LiveState[];
  let connected: number;
  let closed: number;
  let live: LiveEvents;

  beforeEach(() => {
    vi.useFakeTimers();
    streams = [];
    events = [];
    states = [];
    connected = 0;
    closed = 0;
    live = new LiveEvents({
      url: '/api/v1/events',
      eventNames: ['message.received', 'message.status-changed', 'message.queued', 'contact.updated', 'team.updated'],
      open: () => {
        const stream = new FakeStream();
        streams.push(stream);
        return stream;
      },
      onEvent: (event) => events.push(event),
      onConnected: () => (connected += 1),
      onClosed: () => (closed += 1),
      onStateChange: (state) => states.push(state),
      backoffMs: () => 1000,
    });
  });
  afterEach(() => {
    live.stop();
    vi.useRealTimers();
  });

  it('refetches on open and passes named events with their JSON payload on', () => {
    live.start();
    streams[0]?.open();
    expect(connected).toBe(1);
    expect(states).toEqual(['connecting', 'live']);
    const data = { tenantId: 't', channelId: 'ch', conversationId: 'conv_1', messageId: 'm1', status: 'read', previousStatus: 'delivered' };
    streams[0]?.emit('message.status-changed', JSON.stringify(data));
    expect(events).toEqual([{ name: 'message.status-changed', data }]);
  });

  it('ignores payloads that are not JSON objects with a conversation id', () => {
    live.start();
    streams[0]?.emit('message.received', '<script>');
    streams[0]?.emit('message.received', '{"messageId":"m"}');
    expect(events).toEqual([]);
  });

  it('passes contact and team events on by their own ids, and drops them without one', () => {
    live.start();
    const contact = { tenantId: 't', contactId: 'ct_1', change: 'labels' };
    const team = { tenantId: 't', teamId: 'tm_1', change: 'renamed' };
    streams[0]?.emit('contact.updated', contact);
    streams[0]?.emit('team.updated', team);
    streams[0]?.emit('contact.updated', { tenantId: 't', conversationId: 'conv_1', change: 'labels' });
    streams[0]?.emit('team.updated', { tenantId: 't', teamId: 42 });
    expect(events).toEqual([{ name: 'contact.updated', data: contact }, { name: 'team.updated', data: team }]);
  });

  it('leaves a dropped stream to the browser\'s own retry while it is reconnecting', () => {
    live.start();
    streams[0]?.open();
    streams[0]?.fail(0);
    vi.runOnlyPendingTimers();
    expect(streams).toHaveLength(1);
    expect(states.at(-1)).toBe('connecting');
  });

  it('reopens a stream the browser gave up on, and refetches once it is back', () => {
    live.start();
    streams[0]?.open();
    streams[0]?.fail(2);
    expect(states.at(-1)).toBe('offline');
    expect(closed).toBe(1);
    expect(streams[0]?.closed).toBe(true);
    vi.runOnlyPendingTimers();
    expect(streams).toHaveLength(2);
    streams[1]?.open();
    expect(connected).toBe(2);
    expect(states.at(-1)).toBe('live');
  });

  it('stops for good on stop()', () => {
    live.start();
    streams[0]?.fail(2);
    live.stop();
    vi.runOnlyPendingTimers();
    expect(streams).toHaveLength(1);
  });
});
