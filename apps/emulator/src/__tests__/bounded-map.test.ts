import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../state/bounded-map.js';
import { EmulatorStore } from '../state/emulator-store.js';

describe('BoundedMap', () => {
  it('forgets the oldest entries beyond its bound; updating a key neither grows it nor moves the key', () => {
    const map = new BoundedMap<string, number>(3);
    for (const [k, v] of [['a', 1], ['b', 2], ['c', 3], ['a', 10], ['d', 4]] as const) map.set(k, v);
    expect([...map.entries()]).toEqual([['b', 2], ['c', 3], ['d', 4]]);
  });

  it('refuses a bound below one', () => {
    expect(() => new BoundedMap(0)).toThrow(RangeError);
  });
});

describe('EmulatorStore bounds', () => {
  it('keeps at most maxStoredMessages deliveries, the newest ones', () => {
    const store = new EmulatorStore(2);
    for (const id of [1, 2, 3]) store.logDelivery({ id } as unknown as Parameters<EmulatorStore['logDelivery']>[0]);
    expect(store.deliveries.map((d) => (d as unknown as { id: number }).id)).toEqual([2, 3]);
    expect(store.sentMessages).toBeInstanceOf(BoundedMap);
  });
});

describe('BoundedMap eviction in bulk', () => {
  it('drops the oldest tenth at once when full, so it never exceeds its bound', () => {
    const map = new BoundedMap<number, number>(20);
    for (let i = 0; i < 21; i += 1) map.set(i, i);
    expect(map.size).toBe(19);
    expect([...map.keys()].slice(0, 2)).toEqual([2, 3]);
    for (let i = 21; i < 1_000; i += 1) map.set(i, i);
    expect(map.size).toBeLessThanOrEqual(20);
    expect(map.has(999)).toBe(true);
  });
});
