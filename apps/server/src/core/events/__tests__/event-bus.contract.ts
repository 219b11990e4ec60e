import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../logger.js';
import type { DomainEventMap } from '../domain-events.js';
import type { EventBus } from '../event-bus.js';

/**
 * What every EventBus adapter promises (in-process and Redis pub/sub alike). `open` makes a bus
 * with the given logger; `connectPeer`, when the adapter crosses processes, opens a second bus on
 * the same channel, standing in for another process. Waiting is by events, never by time: a
 * "not delivered" claim is checked after a later marker event from the same publisher arrived
 * (both adapters keep one publisher's order).
 */
export type EventBusHarness = {
  open(logger?: Logger): Promise<EventBus>;
  connectPeer?: () => Promise<EventBus>;
  dispose(): Promise<void>;
};

const received = (messageId: string): DomainEventMap['message.received'] => ({
  tenantId: 't1', channelId: 'c1', conversationId: 'v1', messageId, contactWaId: '4915100000001', type: 'text',
});

/** Resolves with every payload a handler got, once `count` arrived. */
function collect<T>(count: number): { handler: (payload: T) => void; all: Promise<T[]> } {
  const seen: T[] = [];
  let resolve!: (value: T[]) => void;
  const all = new Promise<T[]>((r) => (resolve = r));
  return {
    handler: (payload) => {
      seen.push(payload);
      if (seen.length === count) resolve([...seen]);
    },
    all,
  };
}

/** Records message ids until `last` arrived; `seen` fires after each one. */
function collectUntil(last: string) {
  const ids: string[] = [];
  const listeners = new Set<() => void>();
  let resolve!: (value: string[]) => void;
  const done = new Promise<string[]>((r) => (resolve = r));
  return {
    handler: (payload: { messageId: string }) => {
      ids.push(payload.messageId);
      for (const listener of listeners) listener();
      if (payload.messageId === last) resolve([...ids]);
    },
    done,
    seen: { ids, listeners },
  };
}

/** Resolves once `id` is among the recorded ids. */
function until(seen: { ids: string[]; listeners: Set<() => void> }, id: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!seen.ids.includes(id)) return;
      seen.listeners.delete(check);
      resolve();
    };
    seen.listeners.add(check);
    check();
  });
}

export function defineEventBusContractTests(name: string, makeHarness: () => Promise<EventBusHarness>, opts: { crossProcess: boolean }): void {
  const { crossProcess } = opts;
  describe(`EventBus contract: ${name}`, () => {
    let harness: EventBusHarness | undefined;
    const open = async (logger?: Logger) => {
      harness ??= await makeHarness();
      return harness.open(logger);
    };
    afterEach(async () => {
      await harness?.dispose();
      harness = undefined;
    });

    it('delivers to every subscriber of the name, after publish returned, with the payload intact', async () => {
      const bus = await open();
      const a = collect<DomainEventMap['message.received']>(1);
      const b = collect<DomainEventMap['message.received']>(1);
      bus.subscribe('message.received', a.handler);
      bus.subscribe('message.received', b.handler);
      const other = vi.fn();
      bus.subscribe('message.queued', other);
      const payload = received('m1');
      let duringPublish = false;
      bus.subscribe('message.received', () => void (duringPublish = publishing));
      let publishing = true;
      bus.publish('message.received', payload);
      publishing = false;
      expect(await a.all).toEqual([payload]);
      // No handler runs inside publish(): a slow or failing subscriber never delays the publisher.
      expect(duringPublish).toBe(false);
      expect(await b.all).toEqual([payload]);
      expect(other).not.toHaveBeenCalled();
    });

    it('keeps the order of one publisher\'s events', async () => {
      const bus = await open();
      const ids = Array.from({ length: 50 }, (_, i) => `m${i}`);
      const all = collect<DomainEventMap['message.received']>(ids.length);
      bus.subscribe('message.received', all.handler);
      for (const id of ids) bus.publish('message.received', received(id));
      expect((await all.all).map((p) => p.messageId)).toEqual(ids);
    });

    it('stops delivering to a handler once it unsubscribed', async () => {
      const bus = await open();
      const gone = vi.fn();
      const off = bus.subscribe('message.received', gone);
      const marker = collect<DomainEventMap['message.received']>(2);
      bus.subscribe('message.received', marker.handler);
      off();
      bus.publish('message.received', received('after-unsubscribe'));
      bus.publish('message.received', received('marker'));
      await marker.all;
      expect(gone).not.toHaveBeenCalled();
    });

    it('logs a failing handler and still delivers to the others; publish never throws', async () => {
      const error = vi.fn();
      const logger: Logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error, child: () => logger };
      const bus = await open(logger);
      bus.subscribe('message.received', () => {
        throw new Error('boom');
      });
      bus.subscribe('message.received', async () => Promise.reject(new Error('async boom')));
      const ok = collect<DomainEventMap['message.received']>(1);
      bus.subscribe('message.received', ok.handler);
      expect(() => bus.publish('message.received', received('m1'))).not.toThrow();
      await ok.all;
      // The failing handlers ran in the same delivery as the healthy one; their errors are logged.
      await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(2));
    });

    it.runIf(crossProcess)('delivers an event published by one process to subscribers in another, once to each', async () => {
      const here = await open();
      const there = await (harness as EventBusHarness).connectPeer!();
      const status = (messageId: string): DomainEventMap['message.status-changed'] => ({
        tenantId: 't1', channelId: 'c1', conversationId: 'v1', messageId, status: 'read', previousStatus: 'delivered',
      });
      const atHere = collectUntil('marker');
      const atThere = collectUntil('marker');
      here.subscribe('message.status-changed', atHere.handler);
      there.subscribe('message.status-changed', atThere.handler);
      there.publish('message.status-changed', status('from-there'));
      await until(atHere.seen, 'from-there');
      // Every subscriber sees the channel in one order; a second copy of the first event would land before the marker.
      here.publish('message.status-changed', status('marker'));
      expect(await atHere.done).toEqual(['from-there', 'marker']);
      expect(await atThere.done).toEqual(['from-there', 'marker']);
    });
  });
}

